// Checks a schema-valid pack for the problems a JSON schema cannot see: unknown linkIds in the
// scoring spec, options without values, bands that do not cover the total's range, and so on.
import type { Pack } from "./packSchema.js";
import type { QuestionnaireItem } from "./questionnaireSchema.js";
import { findItem, itemRange, optionValues, totalRange } from "./itemValues.js";
import { packRuleProblems } from "./packRuleProblems.js";

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function itemProblems(item: QuestionnaireItem): string[] {
  const where = `questionnaire item ${item.linkId}`;
  if (item.type === "display") {
    return item.answerOption
      ? [`${where}: a display item cannot have answerOption`]
      : [];
  }
  if (item.type !== "choice") {
    return itemRange(item)
      ? []
      : [
          `${where}: a ${item.type} item needs minValue and maxValue extensions`,
        ];
  }
  const options = item.answerOption ?? [];
  if (options.length === 0)
    return [`${where}: a choice item needs answerOption`];
  const values = optionValues(item);
  const problems: string[] = [];
  if (values.some((v) => v === undefined))
    problems.push(
      `${where}: every answerOption needs an ordinalValue extension`,
    );
  const defined = values.filter((v): v is number => v !== undefined);
  if (new Set(defined).size !== defined.length)
    problems.push(`${where}: two options share an ordinalValue`);
  for (const code of duplicates(options.map((o) => o.valueCoding.code)))
    problems.push(`${where}: option code ${code} is repeated`);
  return problems;
}

function linkIdProblems(
  pack: Pack,
  linkIds: readonly string[],
  where: string,
): string[] {
  return linkIds.flatMap((id) => {
    const item = findItem(pack, id);
    if (!item) return [`${where}: unknown linkId ${id}`];
    return item.type === "display"
      ? [`${where}: ${id} is a display item and cannot be scored`]
      : [];
  });
}

function subsetProblems(
  of: readonly string[],
  within: readonly string[],
  where: string,
): string[] {
  return of
    .filter((id) => !within.includes(id))
    .map((id) => `${where}: ${id} is not one of scoring.items`);
}

function totalsAreIntegers(pack: Pack): boolean {
  const { method, missing, items } = pack.scoring;
  if (
    method !== "sum" ||
    (missing.rule === "prorate" && missing.round === "none")
  )
    return false;
  return items.every((id) => {
    const item = findItem(pack, id);
    return (
      item?.type === "integer" ||
      (item?.type === "choice" &&
        optionValues(item).every((v) => Number.isInteger(v)))
    );
  });
}

function bandProblems(pack: Pack): string[] {
  const ranges = pack.scoring.bands?.ranges;
  if (!ranges) return [];
  const { min, max } = totalRange(pack);
  const step = totalsAreIntegers(pack);
  const problems: string[] = [];
  if (ranges[0]?.min !== min)
    problems.push(
      `scoring.bands: the first band must start at the lowest total, ${min}`,
    );
  if (ranges[ranges.length - 1]?.max !== max)
    problems.push(
      `scoring.bands: the last band must end at the highest total, ${max}`,
    );
  ranges.forEach((band, i) => {
    if (band.min > band.max)
      problems.push(`scoring.bands: band "${band.label}" has min above max`);
    const next = ranges[i + 1];
    if (!next) return;
    if (step && next.min !== band.max + 1)
      problems.push(
        `scoring.bands: "${band.label}" and "${next.label}" leave a gap or overlap (next band must start at ${band.max + 1})`,
      );
    if (!step && next.min <= band.max)
      problems.push(
        `scoring.bands: "${band.label}" and "${next.label}" overlap`,
      );
  });
  return problems;
}

function riskProblems(pack: Pack): string[] {
  return (pack.scoring.risk ?? []).flatMap((risk) => {
    const item = findItem(pack, risk.item);
    if (!item) return [`scoring.risk: unknown linkId ${risk.item}`];
    const problems: string[] = [];
    const allowed = item.type === "choice" ? optionValues(item) : [];
    const range = itemRange(item);
    for (const v of risk.triggerValues) {
      const ok =
        item.type === "choice"
          ? allowed.includes(v)
          : range !== undefined && v >= range.min && v <= range.max;
      if (!ok)
        problems.push(
          `scoring.risk: trigger value ${v} is not an answer item ${risk.item} allows`,
        );
    }
    if (item.required !== true)
      problems.push(
        `scoring.risk: risk item ${risk.item} must be required, so a missing answer is never prorated away`,
      );
    return problems;
  });
}

function scoringProblems(pack: Pack): string[] {
  const s = pack.scoring;
  const problems = [
    ...linkIdProblems(pack, s.items, "scoring.items"),
    ...duplicates(s.items).map((id) => `scoring.items: ${id} is listed twice`),
    ...subsetProblems(s.reverse?.items ?? [], s.items, "scoring.reverse"),
    ...(s.subscales ?? []).flatMap((sub) =>
      subsetProblems(sub.items, s.items, `scoring.subscales.${sub.id}`),
    ),
    ...duplicates((s.subscales ?? []).map((sub) => sub.id)).map(
      (id) => `scoring.subscales: id ${id} is repeated`,
    ),
    ...duplicates((s.derived ?? []).map((d) => d.id)).map(
      (id) => `scoring.derived: id ${id} is repeated`,
    ),
  ];
  if (s.missing.rule === "prorate" && s.missing.maxMissing >= s.items.length) {
    problems.push(
      "scoring.missing: maxMissing must leave at least one answered item",
    );
  }
  return problems;
}

function rangeDependentProblems(pack: Pack): string[] {
  const { min, max } = totalRange(pack);
  const cutoff = pack.scoring.cutoff?.value;
  const problems =
    cutoff === undefined || (cutoff > min && cutoff <= max)
      ? []
      : [
          `scoring.cutoff: ${cutoff} is outside the total's range ${min}–${max}`,
        ];
  return [
    ...problems,
    ...bandProblems(pack),
    ...riskProblems(pack),
    ...packRuleProblems(pack),
  ];
}

function labelProblems(pack: Pack): string[] {
  const problems: string[] = [];
  if (!pack.validated && !pack.notice)
    problems.push(
      'notice: an instrument with validated:false needs a notice (e.g. "not a validated instrument")',
    );
  if (pack.kind === "alliance" && !pack.scoring.ruptureSdFloor)
    problems.push(
      "scoring.ruptureSdFloor: an alliance instrument needs an SD floor for rupture detection",
    );
  if (pack.kind !== "alliance" && pack.scoring.ruptureSdFloor)
    problems.push(
      "scoring.ruptureSdFloor: only alliance instruments use an SD floor",
    );
  return problems;
}

/** Every semantic problem of a pack that already matches PackSchema (empty when sound). */
export function packSemanticProblems(pack: Pack): string[] {
  const items = pack.questionnaire.item;
  const problems = [
    ...duplicates(items.map((i) => i.linkId)).map(
      (id) => `questionnaire: linkId ${id} is repeated`,
    ),
    ...items.flatMap(itemProblems),
    ...scoringProblems(pack),
    ...labelProblems(pack),
  ];
  // Ranges are only meaningful once every scored item is known and has values.
  return problems.length > 0 ? problems : rangeDependentProblems(pack);
}
