// A client's latest alliance and outcome scores with a short trend, from recent totals.
import type { RecentTotalRow } from "./caseload.repository.js";

export interface LatestScore {
  instrumentId: string;
  total: number;
  band: string | null;
  at: string;
  /** The last few totals of the same instrument, oldest first (the latest is the last). */
  trend: number[];
}

/**
 * The instrument answered most recently among `instrumentIds`, with its recent totals.
 * `rows` are one client's, newest first (as `recentTotals` returns them).
 */
export function latestScore(
  rows: readonly RecentTotalRow[],
  instrumentIds: ReadonlySet<string>,
): LatestScore | null {
  const newest = rows.find((r) => instrumentIds.has(r.instrument_id));
  if (!newest) return null;
  const series = rows.filter((r) => r.instrument_id === newest.instrument_id);
  return {
    instrumentId: newest.instrument_id,
    total: newest.total,
    band: newest.band,
    at: newest.submitted_at,
    trend: series.map((r) => r.total).reverse(),
  };
}

export function groupByClient(
  rows: readonly RecentTotalRow[],
): Map<string, RecentTotalRow[]> {
  const groups = new Map<string, RecentTotalRow[]>();
  for (const row of rows) {
    const group = groups.get(row.client_id);
    if (group) group.push(row);
    else groups.set(row.client_id, [row]);
  }
  return groups;
}
