// Scores one response to a pack. Incomplete or invalid input is a value (valid: false with
// reasons); risk items are reported whatever else is wrong with the response.
import type { Pack } from "./packSchema.js";
import type { Band } from "./scoringSchema.js";
import {
  checkAnswers,
  type RawAnswers,
  type ScoreReason,
} from "./answerCheck.js";
import { aggregate } from "./aggregate.js";
import { answerableItems, totalRange } from "./itemValues.js";
import {
  bandFor,
  derivedScores,
  isAtCaseness,
  isClinical,
  itemFlagHits,
  type ItemFlagHit,
  type RiskHit,
} from "./interpret.js";
import { explain } from "./explain.js";
import { triggeredRiskAnswers } from "../signals/riskAlerts.js";

export interface ScoreResult {
  readonly instrumentId: string;
  readonly version: string;
  readonly valid: boolean;
  readonly total: number | null;
  readonly subscales: Record<string, number | null>;
  readonly derived: Record<string, number | null>;
  readonly band: Band | null;
  /** Past the screening cut-off (null without one). */
  readonly clinical: boolean | null;
  /** At caseness, the boundary recovery uses (null without one). */
  readonly caseness: boolean | null;
  readonly missingItems: string[];
  readonly prorated: boolean;
  readonly riskItems: RiskHit[];
  /** Answers the pack flags for further assessment whatever the total (e.g. WHO-5 items at 0 or 1). */
  readonly flags: ItemFlagHit[];
  readonly explanation: string[];
  readonly reasons?: ScoreReason[];
}

function missingReasons(
  pack: Pack,
  values: ReadonlyMap<string, number>,
  refused: ReadonlySet<string>,
): ScoreReason[] {
  const unanswered = (id: string): boolean =>
    !values.has(id) && !refused.has(id);
  const required = answerableItems(pack)
    .filter((item) => item.required === true && unanswered(item.linkId))
    .map((item): ScoreReason => ({
      code: "required-missing",
      linkId: item.linkId,
      message: `${item.linkId}: required, not answered`,
    }));
  const missing = pack.scoring.items.filter(unanswered).length;
  const allowed =
    pack.scoring.missing.rule === "prorate"
      ? pack.scoring.missing.maxMissing
      : 0;
  if (missing <= allowed) return required;
  const message = `${missing} of ${pack.scoring.items.length} scored items unanswered; ${pack.id} allows ${allowed} (${pack.scoring.missing.source})`;
  return [...required, { code: "too-many-missing", message }];
}

function subscaleScores(
  pack: Pack,
  values: ReadonlyMap<string, number>,
  valid: boolean,
): Record<string, number | null> {
  const entries = (pack.scoring.subscales ?? []).map((sub) => [
    sub.id,
    valid
      ? aggregate(pack, sub.items, sub.method ?? pack.scoring.method, values)
          .value
      : null,
  ]);
  return Object.fromEntries(entries) as Record<string, number | null>;
}

/**
 * Scores a response given as answer values keyed by linkId (each option's position on the form's
 * scale, before any reversal); reverse scoring, prorating, bands, cut-off, caseness, item flags
 * and risk items all come from the pack (see each pack's `source` fields).
 * @example score(phq9, { q1: 1, q2: 2, q3: 0, q4: 1, q5: 0, q6: 1, q7: 0, q8: 0, q9: 0 }).total // 5 ("mild")
 */
export function score(pack: Pack, answers: RawAnswers): ScoreResult {
  const checked = checkAnswers(pack, answers);
  const refused = new Set(
    checked.reasons.flatMap((r) => (r.linkId ? [r.linkId] : [])),
  );
  const reasons = [
    ...checked.reasons,
    ...missingReasons(pack, checked.values, refused),
  ];
  const valid = reasons.length === 0;
  const whole = aggregate(
    pack,
    pack.scoring.items,
    pack.scoring.method,
    checked.values,
  );
  const total = valid ? whole.value : null;
  const result: ScoreResult = {
    instrumentId: pack.id,
    version: pack.version,
    valid,
    total,
    subscales: subscaleScores(pack, checked.values, valid),
    derived: derivedScores(pack, total),
    band: total === null ? null : bandFor(pack, total),
    clinical: total === null ? null : isClinical(pack, total),
    caseness: total === null ? null : isAtCaseness(pack, total),
    missingItems: whole.missing.filter((id) => !refused.has(id)),
    prorated: valid && whole.prorated,
    riskItems: triggeredRiskAnswers(pack, checked.values),
    flags: itemFlagHits(pack, checked.values),
    explanation: [],
    ...(valid ? {} : { reasons }),
  };
  return { ...result, explanation: explain(pack, result, totalRange(pack)) };
}
