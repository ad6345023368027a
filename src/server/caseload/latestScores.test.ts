import { describe, expect, it } from "vitest";
import { groupByClient, latestScore } from "./latestScores.js";

const row = (instrument: string, total: number, day: number) => ({
  client_id: "c",
  instrument_id: instrument,
  total,
  band: null,
  submitted_at: `2026-01-${String(day).padStart(2, "0")}T00:00:00Z`,
});

describe("latestScore", () => {
  // Newest first, as recentTotals returns them.
  const rows = [
    row("gad-7", 8, 9),
    row("phq-9", 12, 8),
    row("rapport-alliance", 30, 8),
    row("phq-9", 15, 1),
  ];

  it("takes the most recently answered instrument of the kind, trend oldest first", () => {
    expect(latestScore(rows, new Set(["phq-9", "gad-7"]))).toEqual({
      instrumentId: "gad-7",
      total: 8,
      band: null,
      at: "2026-01-09T00:00:00Z",
      trend: [8],
    });
    expect(latestScore(rows, new Set(["phq-9"]))?.trend).toEqual([15, 12]);
    expect(latestScore(rows, new Set(["k10"]))).toBeNull();
  });

  it("groups rows by client keeping their order", () => {
    expect(groupByClient(rows).get("c")).toEqual(rows);
  });
});
