// Checks of the rules a pack declares beside its total (caseness, item flags, the versions its
// totals are compatible with), for a pack that already matches PackSchema.
import { compareVersions } from "./compareVersions.js";
import { findItem, itemRange, optionValues, totalRange } from "./itemValues.js";
import type { Pack } from "./packSchema.js";

function casenessProblems(pack: Pack): string[] {
  const caseness = pack.scoring.caseness?.value;
  if (caseness === undefined) return [];
  const { min, max } = totalRange(pack);
  const problems =
    caseness > min && caseness <= max
      ? []
      : [
          `scoring.caseness: ${caseness} is outside the total's range ${min}–${max}`,
        ];
  return pack.kind === "outcome"
    ? problems
    : [...problems, "scoring.caseness: only outcome instruments have caseness"];
}

function itemFlagProblems(pack: Pack): string[] {
  return (pack.scoring.itemFlags ?? []).flatMap((flag, i) =>
    flag.items.flatMap((id) => {
      const where = `scoring.itemFlags[${i}]`;
      const item = findItem(pack, id);
      if (!item || item.type === "display")
        return [`${where}: ${id} is not an answerable item`];
      const range = itemRange(item);
      const allowed = (v: number) =>
        item.type === "choice"
          ? optionValues(item).includes(v)
          : range !== undefined && v >= range.min && v <= range.max;
      return flag.values
        .filter((v) => !allowed(v))
        .map((v) => `${where}: ${v} is not an answer item ${id} allows`);
    }),
  );
}

function compatibilityProblems(pack: Pack): string[] {
  return (pack.scoreCompatibleWith ?? [])
    .filter((v) => compareVersions(v, pack.version) >= 0)
    .map(
      (v) =>
        `scoreCompatibleWith: ${v} is not an earlier version than ${pack.version}`,
    );
}

/** Problems of the declared rules; call once every scored item is known and has values. */
export function packRuleProblems(pack: Pack): string[] {
  return [
    ...casenessProblems(pack),
    ...itemFlagProblems(pack),
    ...compatibilityProblems(pack),
  ];
}
