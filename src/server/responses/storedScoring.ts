// How a ScoreResult is stored and read back: the columns a report filters on, plus the whole
// result as JSON, so a re-score can move the old scoring to the history unchanged.
import type { ScoreResult } from "../../core/instruments/score.js";
import type { ItemFlagHit, RiskHit } from "../../core/instruments/interpret.js";
import type { ScoringColumns } from "../db/schema.js";

export function scoringColumns(
  result: ScoreResult,
  scoredAt: string,
): ScoringColumns {
  return {
    scored_at: scoredAt,
    instrument_version: result.version,
    total: result.total,
    band: result.band?.label ?? null,
    valid: result.valid ? 1 : 0,
    subscales: JSON.stringify(result.subscales),
    risk_items: JSON.stringify(result.riskItems),
    result: JSON.stringify(result),
  };
}

export interface ScoringView {
  instrumentVersion: string;
  total: number | null;
  band: string | null;
  valid: boolean;
  clinical: boolean | null;
  caseness: boolean | null;
  prorated: boolean;
  subscales: Record<string, number | null>;
  derived: Record<string, number | null>;
  missingItems: string[];
  riskItems: RiskHit[];
  flags: ItemFlagHit[];
}

/** A stored result; those scored before packs had caseness and item flags lack them. */
type StoredResult = Omit<ScoreResult, "caseness" | "flags"> &
  Partial<Pick<ScoreResult, "caseness" | "flags">>;

export function scoringView(columns: ScoringColumns): ScoringView {
  const result = JSON.parse(columns.result) as StoredResult;
  return {
    instrumentVersion: columns.instrument_version,
    total: columns.total,
    band: columns.band,
    valid: columns.valid === 1,
    clinical: result.clinical,
    caseness: result.caseness ?? null,
    prorated: result.prorated,
    subscales: JSON.parse(columns.subscales) as Record<string, number | null>,
    derived: result.derived,
    missingItems: result.missingItems,
    riskItems: JSON.parse(columns.risk_items) as RiskHit[],
    flags: result.flags ?? [],
  };
}
