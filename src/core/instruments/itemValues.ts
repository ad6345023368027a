// Reads the numeric value of an answer from the pack's Questionnaire: the ordinalValue of a
// choice option (its place on the response scale, before any reversal) or the min/max bounds
// of a number item.
import type {
  AnswerOption,
  Extension,
  QuestionnaireItem,
} from "./questionnaireSchema.js";
import {
  MAX_VALUE_URL,
  MIN_VALUE_URL,
  ORDINAL_VALUE_URL,
} from "./questionnaireSchema.js";
import type { Pack } from "./packSchema.js";

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

function extensionNumber(
  extensions: readonly Extension[] | undefined,
  url: string,
): number | undefined {
  const found = extensions?.find((e) => e.url === url);
  return found?.valueDecimal ?? found?.valueInteger;
}

/** The answer value of a choice option (before any reversal), from its ordinalValue extension. */
export function optionValue(option: AnswerOption): number | undefined {
  return extensionNumber(option.extension, ORDINAL_VALUE_URL);
}

/** The values a choice item accepts, in option order (undefined entries are pack errors). */
export function optionValues(item: QuestionnaireItem): (number | undefined)[] {
  return (item.answerOption ?? []).map(optionValue);
}

/** The lowest and highest value an item can take, or undefined when the pack does not say. */
export function itemRange(item: QuestionnaireItem): ValueRange | undefined {
  if (item.type === "choice") {
    const values = optionValues(item).filter(
      (v): v is number => v !== undefined,
    );
    return values.length > 0
      ? { min: Math.min(...values), max: Math.max(...values) }
      : undefined;
  }
  const min = extensionNumber(item.extension, MIN_VALUE_URL);
  const max = extensionNumber(item.extension, MAX_VALUE_URL);
  return min !== undefined && max !== undefined ? { min, max } : undefined;
}

/** The items a respondent can answer (everything but display items), in form order. */
export function answerableItems(pack: Pack): QuestionnaireItem[] {
  return pack.questionnaire.item.filter((item) => item.type !== "display");
}

/** Looks an item up by linkId. */
export function findItem(
  pack: Pack,
  linkId: string,
): QuestionnaireItem | undefined {
  return pack.questionnaire.item.find((item) => item.linkId === linkId);
}

/** A scored item's range; throws because a validated pack always has one (programmer error). */
export function scoredItemRange(pack: Pack, linkId: string): ValueRange {
  const item = findItem(pack, linkId);
  const range = item && itemRange(item);
  if (!range)
    throw new Error(
      `Pack ${pack.id} has no value range for item ${linkId}; was it validated?`,
    );
  return range;
}

/** Sum or mean of item ranges: the range of a total or subscale. */
export function aggregateRange(
  pack: Pack,
  linkIds: readonly string[],
  method: "sum" | "mean",
): ValueRange {
  const ranges = linkIds.map((id) => scoredItemRange(pack, id));
  const min = ranges.reduce((s, r) => s + r.min, 0);
  const max = ranges.reduce((s, r) => s + r.max, 0);
  return method === "sum"
    ? { min, max }
    : { min: min / ranges.length, max: max / ranges.length };
}

/** The range of the instrument's total score. */
export function totalRange(pack: Pack): ValueRange {
  return aggregateRange(pack, pack.scoring.items, pack.scoring.method);
}
