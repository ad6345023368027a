// Whether an organisation's check-in schedule can raise a risk alert at all: a schedule of
// PHQ-2, K10 or WHO-5 alone asks no risk item, so no scheduled check-in ever alerts (issue 14).
import type { Pack } from "../instruments/packSchema.js";
import { declaredRiskItems } from "./riskAlerts.js";

const title = (p: Pack) => p.questionnaire.title ?? p.id;

/**
 * The warning to show where the schedule is set, or null when a scheduled instrument has a risk
 * item (or nothing is scheduled). `packs` are the latest version of each instrument.
 * @example scheduleRiskWarning([{ instrumentId: "phq-2" }], packs) // "No instrument in the check-in schedule (PHQ-2) asks a risk item…"
 */
export function scheduleRiskWarning(
  schedule: readonly { instrumentId: string }[],
  packs: readonly Pack[],
): string | null {
  if (schedule.length === 0) return null;
  const byId = new Map(packs.map((p) => [p.id, p]));
  const asked = schedule.map((s) => byId.get(s.instrumentId));
  if (asked.some((p) => p !== undefined && declaredRiskItems(p).length > 0))
    return null;
  const names = schedule.map((s) => {
    const p = byId.get(s.instrumentId);
    return p ? title(p) : s.instrumentId;
  });
  const withRisk = packs
    .filter((p) => declaredRiskItems(p).length > 0)
    .map(title);
  return (
    `No instrument in the check-in schedule (${names.join(", ")}) asks a risk item, so scheduled ` +
    "check-ins never raise a risk alert" +
    (withRisk.length > 0
      ? `; instruments with a risk item: ${withRisk.join(", ")}.`
      : ".")
  );
}
