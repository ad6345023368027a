// Maps an instrument pack's scoring spec onto the parameters the signal rules need, so every
// number a rule uses comes from the pack (and its cited source), not from the rule.
import type { Pack } from "../instruments/packSchema.js";
import type { TrajectoryModel } from "../stats/trajectoryModel.js";
import type { InstrumentSignalParams } from "./types.js";

/**
 * Signal parameters for one pack; null for packs that raise no signals (preferences).
 * @example
 * signalParamsFromPack(bundledPack("phq-9"), referenceModels.get("phq-9"))
 * // { role: "outcome", direction: "higherIsWorse", caseness: 10, reliableChange: { kind: "points", minChange: 6 }, ... }
 * signalParamsFromPack(bundledPack("gad-7"))?.caseness // 8 (NHS Talking Therapies), not the screening cut-off of 10
 */
export function signalParamsFromPack(
  pack: Pack,
  trajectoryModel?: TrajectoryModel,
): InstrumentSignalParams | null {
  if (pack.kind === "preference") return null;
  const s = pack.scoring;
  const rc = s.reliableChange;
  const labels = Object.fromEntries(
    (s.subscales ?? []).map((sub) => [sub.id, sub.label.toLowerCase()]),
  );
  const base: InstrumentSignalParams = {
    instrumentId: pack.id,
    label: pack.questionnaire.title ?? pack.id,
    role: pack.kind,
    direction: s.direction,
    ...(Object.keys(labels).length > 0 ? { subscaleLabels: labels } : {}),
    ...(pack.scoreCompatibleWith
      ? { compatibleVersions: [[...pack.scoreCompatibleWith, pack.version]] }
      : {}),
  };
  if (pack.kind === "alliance") {
    return {
      ...base,
      ...(s.cutoff ? { cutOff: s.cutoff.value } : {}),
      ...(s.ruptureSdFloor ? { sdFloor: s.ruptureSdFloor.value } : {}),
    };
  }
  return {
    ...base,
    // Recovery is measured against caseness, never the screening cut-off (GAD-7: 8, not 10).
    ...(s.caseness ? { caseness: s.caseness.value } : {}),
    ...(rc
      ? {
          reliableChange:
            "threshold" in rc
              ? { kind: "points", minChange: rc.threshold }
              : {
                  kind: "jacobson-truax",
                  sd: rc.sd,
                  reliability: rc.reliability,
                },
        }
      : {}),
    ...(trajectoryModel ? { trajectoryModel } : {}),
  };
}
