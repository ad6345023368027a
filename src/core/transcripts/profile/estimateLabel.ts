// What every transcript profile is, said wherever one is shown (clinical-facts, "Rapport's
// decisions": a transcript is a classifier's estimate of the MITI 4 scores, never a MITI rating).
export const ESTIMATE_LABEL = "automated estimate, not a MITI rating" as const;
