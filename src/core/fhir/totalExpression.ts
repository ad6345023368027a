// Builds the SDC calculatedExpression (FHIRPath) that recomputes Rapport's total from a
// QuestionnaireResponse: each answer is mapped to its scoring weight (reverse items already
// reversed, WHO-5 0–5 and K10 1–5 taken from the options), then summed, averaged or prorated.
import type { Pack } from "../instruments/packSchema.js";
import {
  answerableItems,
  findItem,
  optionValue,
  scoredItemRange,
} from "../instruments/itemValues.js";
import { itemScore } from "../instruments/aggregate.js";

function literal(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function answers(linkId: string): string {
  return `%resource.item.where(linkId = ${literal(linkId)}).answer`;
}

function weightTerm(pack: Pack, linkId: string): string {
  const item = findItem(pack, linkId);
  if (!item) throw new Error(`Unknown scored item ${linkId} in ${pack.id}`);
  if (item.type === "choice") {
    const cases = (item.answerOption ?? []).reduceRight((otherwise, option) => {
      const value = optionValue(option);
      if (value === undefined) return otherwise;
      return `iif($this = ${literal(option.valueCoding.code)}, ${itemScore(pack, linkId, value)}, ${otherwise})`;
    }, "{}");
    return `${answers(linkId)}.value.ofType(Coding).code.select(${cases})`;
  }
  const values = `${answers(linkId)}.value.ofType(${item.type})`;
  if (!pack.scoring.reverse?.items.includes(linkId)) return values;
  const { min, max } = scoredItemRange(pack, linkId);
  return `${values}.select(${min + max} - $this)`;
}

function requiredAnswered(pack: Pack): string[] {
  return answerableItems(pack)
    .filter((item) => item.required === true)
    .map((item) => `${answers(item.linkId)}.exists()`);
}

/**
 * The FHIRPath total of a pack, empty when the response is not scorable (too many missing
 * answers or a required item unanswered), matching score(pack, answers).total.
 * @example totalExpression(phq9) // "iif(... .count() >= 8 ..., (... * 9 / ... .count()).round(0), {})"
 */
export function totalExpression(pack: Pack): string {
  const { items, method, missing } = pack.scoring;
  const weights = items
    .map((id) => weightTerm(pack, id))
    .reduce((all, term) => `${all}.combine(${term})`);
  const values = `(${weights})`;
  const sum = `${values}.aggregate($this + $total, 0)`;
  const allowed = missing.rule === "prorate" ? missing.maxMissing : 0;
  const enough = [
    `${values}.count() >= ${items.length - allowed}`,
    ...requiredAnswered(pack),
  ].join(" and ");
  const full =
    method === "mean"
      ? `${sum} / ${values}.count()`
      : allowed === 0
        ? sum
        : `(${sum} * ${items.length} / ${values}.count())${missing.rule === "prorate" && missing.round === "integer" ? ".round(0)" : ""}`;
  return `iif(${enough}, ${full}, {})`;
}
