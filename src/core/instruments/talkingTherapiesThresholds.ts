// The one configurable place for the NHS Talking Therapies (IAPT) service conventions, all ⚠ in
// clinical-facts.md (secondary sources): a clinic corrects them here, or passes its own.

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

/** ⚠ PHQ-9 ≥ 10 / change ≥ 6 and GAD-7 ≥ 8 / change ≥ 4 (cbtwatch.com citing the IAPT Manual; clinical-facts.md §3.2). */
export const NHS_TALKING_THERAPIES_THRESHOLDS: TalkingTherapiesThresholds =
  Object.freeze({
    phq9: Object.freeze({ caseness: 10, reliableChange: 6 }),
    gad7: Object.freeze({ caseness: 8, reliableChange: 4 }),
    source:
      "⚠ Secondary source: cbtwatch.com citing the IAPT Manual (clinical-facts.md §1.1, §3.2). A trust page gives PHQ-9 caseness as 9 or above; confirm against the NHS Talking Therapies Manual appendix.",
  });
