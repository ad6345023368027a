// The export's data dictionary (codebook.csv): every column of every file, and each instrument's
// licence, which binds whoever uses the item values.
import type { Dataset } from "./dataset.js";

export type TableName = keyof Dataset["tables"];

export interface CodebookRow {
  file: string;
  column: string;
  meaning: string;
  units: string;
  instrument_licence: string;
}

type Column = [column: string, meaning: string, units: string];

const CLIENT: Column = [
  "client",
  "client pseudonym (HMAC-SHA-256 of the client under the export's secret)",
  "code",
];
const EPISODE: Column = [
  "episode",
  "episode number within the client, in order of opening",
  "count from 1",
];
const SESSION: Column = [
  "session",
  "session number within the episode, in time order (cancelled and missed sessions included); empty when none",
  "count from 1",
];
const DAY: Column = [
  "day",
  "days since the episode opened (day 0 is the opening day); no calendar dates are exported",
  "days",
];

/** Each file's columns, in file order. */
export const COLUMNS: Record<TableName, readonly Column[]> = {
  clients: [
    CLIENT,
    [
      "therapist",
      "therapist pseudonym (same scheme as client), or * when suppressed for k-anonymity",
      "code",
    ],
    [
      "age_band",
      "age band recorded by the therapist, possibly generalised; * when suppressed",
      "years",
    ],
    [
      "gender",
      "gender recorded by the therapist; * when suppressed",
      "category",
    ],
    [
      "latest_episode_length",
      "length of the client's latest episode (open episodes up to the export date), possibly generalised; * when suppressed",
      "weeks (band)",
    ],
    ["episodes", "number of episodes", "count"],
  ],
  episodes: [
    CLIENT,
    EPISODE,
    ["status", "open or discharged", "category"],
    ["sessions", "number of sessions in the episode", "count"],
  ],
  sessions: [
    CLIENT,
    EPISODE,
    SESSION,
    DAY,
    ["attendance", "scheduled, attended, cancelled or no-show", "category"],
  ],
  responses: [
    CLIENT,
    [
      "response",
      "response number within the client, in time order",
      "count from 1",
    ],
    EPISODE,
    SESSION,
    DAY,
    ["instrument", "instrument id (see the instrument rows below)", "code"],
    [
      "instrument_version",
      "version of the instrument pack that scored the response",
      "version",
    ],
    [
      "instrument_kind",
      "outcome, alliance or another kind named by the pack",
      "category",
    ],
    [
      "total",
      "total score as stored (alliance ratings included)",
      "instrument points",
    ],
    [
      "band",
      "severity band of the total, as named by the instrument pack",
      "category",
    ],
    ["valid", "1 when the response was complete enough to score", "0/1"],
  ],
  items: [
    CLIENT,
    [
      "response",
      "response number (joins responses.csv on client and response)",
      "count from 1",
    ],
    ["item", "item linkId in the instrument's questionnaire", "code"],
    ["value", "answer value as scored", "instrument points"],
  ],
  alerts: [
    CLIENT,
    EPISODE,
    [
      "session",
      "number of the last session at or before the alert's signal; empty when none",
      "count from 1",
    ],
    DAY,
    ["kind", "alert kind (rule that raised it)", "category"],
    ["severity", "alert severity", "category"],
  ],
  transcript_profiles: [
    CLIENT,
    EPISODE,
    SESSION,
    [
      "measure",
      "path of a number in the session's transcript profile (lists are given as .count); no transcript text",
      "code",
    ],
    ["value", "the number", "as named by the measure"],
  ],
};

export interface InstrumentInfo {
  id: string;
  title: string;
  licence: string;
}

export function codebook(
  instruments: readonly InstrumentInfo[],
): CodebookRow[] {
  const columns = Object.entries(COLUMNS).flatMap(([table, cols]) =>
    cols.map(([column, meaning, units]) => ({
      file: `${table}.csv`,
      column,
      meaning,
      units,
      instrument_licence: "",
    })),
  );
  const licences = instruments.map((i) => ({
    file: "responses.csv",
    column: `instrument=${i.id}`,
    meaning: i.title,
    units: "",
    instrument_licence: i.licence,
  }));
  return [...columns, ...licences];
}
