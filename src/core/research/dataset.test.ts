import { describe, expect, it } from "vitest";
import { buildDataset } from "./dataset.js";
import { codebook, COLUMNS } from "./codebook.js";
import type { SourceClient } from "./source.js";

const EPISODE = "0190f3a0-aaaa-7000-8000-000000000001";
const S1 = "0190f3a0-bbbb-7000-8000-000000000001";
const S2 = "0190f3a0-bbbb-7000-8000-000000000002";

function client(i: number): SourceClient {
  return {
    id: `0190f3a0-cccc-7000-8000-00000000000${i}`,
    therapistId: "0190f3a0-dddd-7000-8000-000000000001",
    ageBand: "25-34",
    gender: "woman",
    episodes: [
      { id: EPISODE, openedAt: "2026-03-02T09:00:00.000Z", dischargedAt: null },
    ],
    sessions: [
      {
        id: S2,
        episodeId: EPISODE,
        startsAt: "2026-03-16T09:00:00.000Z",
        status: "no-show",
      },
      {
        id: S1,
        episodeId: EPISODE,
        startsAt: "2026-03-02T09:00:00.000Z",
        status: "attended",
      },
    ],
    responses: [
      {
        episodeId: EPISODE,
        sessionId: S2,
        submittedAt: "2026-03-16T10:00:00.000Z",
        instrumentId: "phq-9",
        instrumentVersion: "1.0.0",
        instrumentKind: "outcome",
        answers: { q1: 2, q2: 1 },
        total: 3,
        band: "minimal",
        valid: true,
      },
    ],
    alerts: [
      { kind: "risk", severity: "high", signalAt: "2026-03-17T08:00:00.000Z" },
    ],
    transcripts: [
      {
        sessionId: S1,
        profile: {
          talk: { ratio: 0.4 },
          quote: "I felt unheard",
          markers: [1, 2],
        },
      },
    ],
  };
}

describe("buildDataset", () => {
  const clients = [1, 2, 3, 4, 5].map(client);
  const data = buildDataset(clients, {
    secret: Buffer.alloc(32, 1),
    k: 5,
    exportedAt: "2026-04-01T00:00:00.000Z",
  });

  it("numbers sessions and days from the episode start, and places responses and alerts in them", () => {
    const rows = data.tables.sessions.filter(
      (s) => s.client === data.tables.clients[0]!.client,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        episode: 1,
        session: 1,
        day: 0,
        attendance: "attended",
      }),
      expect.objectContaining({
        episode: 1,
        session: 2,
        day: 14,
        attendance: "no-show",
      }),
    ]);
    expect(data.tables.responses[0]).toMatchObject({
      session: 2,
      day: 14,
      total: 3,
      band: "minimal",
      valid: 1,
    });
    expect(data.tables.alerts[0]).toMatchObject({
      session: 2,
      day: 15,
      kind: "risk",
    });
    expect(data.tables.clients[0]).toMatchObject({
      latest_episode_length: "0-6 weeks",
      gender: "woman",
    });
  });

  it("exports only the numbers of a transcript profile", () => {
    const measures = data.tables.transcript_profiles.map(
      (r) => `${r.measure}=${r.value}`,
    );
    expect(new Set(measures)).toEqual(
      new Set(["markers.count=2", "talk.ratio=0.4"]),
    );
  });

  it("holds no id, date or text of the source in any cell", () => {
    const cells = Object.values(data.tables).flatMap((rows) =>
      rows.flatMap((r) => Object.values(r).map(String)),
    );
    for (const cell of cells) {
      expect(cell).not.toMatch(/0190f3a0|2026-|unheard/);
    }
  });

  it("describes every column of every table in the codebook", () => {
    const book = codebook([{ id: "phq-9", title: "PHQ-9", licence: "free" }]);
    for (const [table, rows] of Object.entries(data.tables))
      for (const column of Object.keys(rows[0] ?? {}))
        expect(
          book.some((b) => b.file === `${table}.csv` && b.column === column),
        ).toBe(true);
    for (const [table, columns] of Object.entries(COLUMNS))
      if (data.tables[table as keyof typeof data.tables][0])
        expect(
          Object.keys(data.tables[table as keyof typeof data.tables][0]!),
        ).toEqual(columns.map((c) => c[0]));
    expect(book.at(-1)).toMatchObject({
      column: "instrument=phq-9",
      instrument_licence: "free",
    });
  });
});
