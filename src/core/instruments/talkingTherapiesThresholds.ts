// The NHS Talking Therapies (IAPT) service conventions, all ⚠ in clinical-facts.md (secondary
// sources), read from the PHQ-9 and GAD-7 packs: their `caseness` and `reliableChange` fields are
// the one place these numbers live, so a clinic corrects them with a new pack version.
import { bundledPack } from "./bundled.js";
import type { Pack } from "./packSchema.js";

export interface MeasureThresholds {
  /** A score at or above this is "at caseness". */
  readonly caseness: number;
  /** A change of at least this many points is reliable. */
  readonly reliableChange: number;
}

export interface TalkingTherapiesThresholds {
  readonly phq9: MeasureThresholds;
  readonly gad7: MeasureThresholds;
  readonly source: string;
}

function measure(pack: Pack): MeasureThresholds | null {
  const { caseness, reliableChange, direction } = pack.scoring;
  if (!caseness || !reliableChange || !("threshold" in reliableChange))
    return null;
  if (direction !== "higherIsWorse") return null;
  return { caseness: caseness.value, reliableChange: reliableChange.threshold };
}

/**
 * The paired-measure thresholds from a PHQ-9 and a GAD-7 pack; null when either lacks caseness
 * or a reliable-change threshold in points.
 * @example talkingTherapiesThresholds(phq9, gad7) // { phq9: { caseness: 10, reliableChange: 6 }, gad7: { caseness: 8, reliableChange: 4 }, ... }
 */
export function talkingTherapiesThresholds(
  phq9: Pack,
  gad7: Pack,
): TalkingTherapiesThresholds | null {
  const p = measure(phq9);
  const g = measure(gad7);
  if (!p || !g) return null;
  return Object.freeze({
    phq9: Object.freeze(p),
    gad7: Object.freeze(g),
    source: `PHQ-9 ${phq9.version}: ${phq9.scoring.caseness?.source}. GAD-7 ${gad7.version}: ${gad7.scoring.caseness?.source}.`,
  });
}

function fromBundled(): TalkingTherapiesThresholds {
  const phq9 = bundledPack("phq-9");
  const gad7 = bundledPack("gad-7");
  const thresholds = phq9 && gad7 && talkingTherapiesThresholds(phq9, gad7);
  if (!thresholds)
    throw new Error("the bundled PHQ-9 and GAD-7 packs lack caseness");
  return thresholds;
}

/** ⚠ PHQ-9 ≥ 10 / change ≥ 6 and GAD-7 ≥ 8 / change ≥ 4, from the bundled packs (clinical-facts.md §3.2). */
export const NHS_TALKING_THERAPIES_THRESHOLDS: TalkingTherapiesThresholds =
  fromBundled();
