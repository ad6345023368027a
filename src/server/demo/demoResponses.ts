// The demo caseload's measures as stored responses (PHQ-9, GAD-7, rapport-alliance per attended
// session) and the consents they rest on; rows are returned for batched inserts.
import {
  allianceAnswers,
  gad7Answers,
  phq9Answers,
} from "../../core/fixtures/itemAnswers.js";
import type { FixtureClient } from "../../core/fixtures/demoCaseload.js";
import { bundledPack } from "../../core/instruments/bundled.js";
import {
  AGE_BANDS,
  type AgeBand,
  type Gender,
} from "../../core/research/quasiIdentifiers.js";
import { score } from "../../core/instruments/score.js";
import type { AppContext } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type {
  ConsentTable,
  ResponseSource,
  ResponseTable,
  SessionTable,
} from "../db/schema.js";
import { scoringColumns } from "../responses/storedScoring.js";

export interface DemoClientIds {
  organisationId: string;
  clientId: string;
  therapistId: string;
}

const CHECK_IN_DELAY_MS = 50 * 60 * 1000; // the alliance check-in at the end of a 50-minute session

function seedOf(text: string): number {
  return [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
}

/**
 * Most demo clients also grant the research export (issue 17), so an export from a fresh demo
 * holds data; every sixth does not, so the export's count of clients left out is not empty.
 */
export function grantsResearch(fixtureKey: string): boolean {
  return Number(fixtureKey.split("-").at(-1)) % 6 !== 5;
}

/** Consents granted at the first session: routine measurement, aggregate statistics, research. */
export function demoConsents(
  ids: DemoClientIds,
  at: string,
  research: boolean,
): ConsentTable[] {
  const kinds = ["routine-measurement", "aggregate-statistics"] as const;
  return [...kinds, ...(research ? (["research-export"] as const) : [])].map(
    (kind) => ({
      id: newId(at),
      organisation_id: ids.organisationId,
      client_id: ids.clientId,
      kind,
      granted: 1,
      recorded_by: ids.therapistId,
      recorded_at: at,
    }),
  );
}

export async function demoResponses(
  context: AppContext,
  trx: Db,
  ids: DemoClientIds,
  fixture: FixtureClient,
  sessions: readonly SessionTable[],
): Promise<ResponseTable[]> {
  const base = seedOf(fixture.key + fixture.name);
  const rows: ResponseTable[] = [];
  const add = async (
    instrumentId: string,
    answers: Record<string, number>,
    session: SessionTable,
    submittedAt: string,
    source: ResponseSource,
  ) => {
    const pack = bundledPack(instrumentId);
    if (!pack) throw new Error(`bundled pack ${instrumentId} is missing`);
    rows.push({
      id: newId(submittedAt),
      organisation_id: ids.organisationId,
      client_id: ids.clientId,
      episode_id: session.episode_id,
      session_id: session.id,
      instrument_id: instrumentId,
      answers_enc: await context.cipher.encrypt(
        trx,
        ids.organisationId,
        ids.clientId,
        "responses.answers",
        JSON.stringify(answers),
      ),
      ...scoringColumns(score(pack, answers), submittedAt),
      submitted_at: submittedAt,
      recorded_by: source === "checkin" ? null : ids.therapistId,
      source,
      created_at: submittedAt,
    });
  };
  for (const [i, point] of fixture.sessions.entries()) {
    const session = sessions[i];
    if (!session || point.status !== "attended") continue;
    const seed = base + i * 101;
    const at = point.startsAt;
    if (point.phq9 !== null)
      await add(
        "phq-9",
        phq9Answers(point.phq9, point.risk, seed),
        session,
        at,
        "therapist",
      );
    if (point.gad7 !== null)
      await add(
        "gad-7",
        gad7Answers(point.gad7, seed + 1),
        session,
        at,
        "therapist",
      );
    if (point.alliance !== null) {
      const after = new Date(Date.parse(at) + CHECK_IN_DELAY_MS).toISOString();
      await add(
        "rapport-alliance",
        allianceAnswers(point.alliance, seed + 2),
        session,
        after,
        "checkin",
      );
    }
  }
  return rows;
}

/** A demo client's age band and gender (issue 17), from their fixture: some left unrecorded. */
export function demoDemographics(fixture: FixtureClient): {
  ageBand: AgeBand;
  gender: Gender | null;
} {
  const seed = seedOf(fixture.key + fixture.name);
  const g = seed % 20;
  return {
    ageBand: AGE_BANDS[1 + (seed % 5)]!,
    gender: g < 9 ? "woman" : g < 18 ? "man" : g < 19 ? "non-binary" : null,
  };
}
