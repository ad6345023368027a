// Checks raw answers against a pack's Questionnaire: unknown linkIds, wrong types and values
// that are not on the paper form are returned as reasons, never thrown.
import type { Pack } from "./packSchema.js";
import type { QuestionnaireItem } from "./questionnaireSchema.js";
import { findItem, itemRange, optionValues } from "./itemValues.js";

export type ScoreReasonCode =
  | "unknown-item"
  | "wrong-type"
  | "not-an-option"
  | "out-of-range"
  | "required-missing"
  | "too-many-missing";

export interface ScoreReason {
  readonly code: ScoreReasonCode;
  readonly linkId?: string;
  readonly message: string;
}

/** Raw answers keyed by linkId; null or undefined means "not answered". */
export type RawAnswers = Readonly<Record<string, unknown>>;

export interface CheckedAnswers {
  readonly values: ReadonlyMap<string, number>;
  readonly reasons: readonly ScoreReason[];
}

function valueProblem(
  item: QuestionnaireItem,
  value: number,
): ScoreReason | undefined {
  const linkId = item.linkId;
  if (item.type === "choice") {
    const allowed = optionValues(item);
    return allowed.includes(value)
      ? undefined
      : {
          code: "not-an-option",
          linkId,
          message: `${linkId}: ${value} is not one of the answers ${allowed.join(", ")}`,
        };
  }
  if (item.type === "integer" && !Number.isInteger(value)) {
    return {
      code: "wrong-type",
      linkId,
      message: `${linkId}: expected a whole number, got ${value}`,
    };
  }
  const range = itemRange(item);
  return range && (value < range.min || value > range.max)
    ? {
        code: "out-of-range",
        linkId,
        message: `${linkId}: ${value} is outside ${range.min}–${range.max}`,
      }
    : undefined;
}

function checkOne(
  pack: Pack,
  linkId: string,
  raw: unknown,
): ScoreReason | number | undefined {
  const item = findItem(pack, linkId);
  if (!item || item.type === "display") {
    return {
      code: "unknown-item",
      linkId,
      message: `${linkId}: no such question in ${pack.id}`,
    };
  }
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return {
      code: "wrong-type",
      linkId,
      message: `${linkId}: expected a number, got ${JSON.stringify(raw)}`,
    };
  }
  return valueProblem(item, raw) ?? raw;
}

/** Splits answers into accepted values and reasons for the ones that were refused. */
export function checkAnswers(pack: Pack, answers: RawAnswers): CheckedAnswers {
  const values = new Map<string, number>();
  const reasons: ScoreReason[] = [];
  for (const [linkId, raw] of Object.entries(answers)) {
    const checked = checkOne(pack, linkId, raw);
    if (typeof checked === "number") values.set(linkId, checked);
    else if (checked) reasons.push(checked);
  }
  return { values, reasons };
}
