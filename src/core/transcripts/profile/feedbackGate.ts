// Whether a feedback sentence may be stated, from the cross-validated F1 of the codes it rests on.
// The thresholds are Rapport's design choice, not from the clinical facts (which give none):
// F1 ≥ 0.70 is stated plainly, 0.50–0.70 is stated with how sure it is, below 0.50 the sentence is
// withheld and the report says why instead. A sentence rests on its weakest code.
import {
  RELIABILITY_CODES,
  type CodeReliability,
  type ReliabilityCode,
} from "../coding/modelEvaluation.js";

export interface FeedbackGate {
  /** Lowest F1 at which a sentence is stated without qualification. */
  stateAtF1: number;
  /** Lowest F1 at which a sentence is stated at all (hedged). */
  hedgeAtF1: number;
}

/** Design choice (docs/transcripts.md, "Feedback and how sure it is"). */
export const DEFAULT_FEEDBACK_GATE: FeedbackGate = {
  stateAtF1: 0.7,
  hedgeAtF1: 0.5,
};

export type Certainty = "state" | "hedge" | "withhold";

export interface Support {
  /** The weakest code's F1, or null when any code has no evaluation on record. */
  f1: number | null;
  /** That code's name, as the sentence reports it. */
  code: string;
}

/** The weakest of the codes a sentence rests on (null F1 when one has no evaluation). */
export function support(
  reliability: CodeReliability | null,
  codes: readonly [ReliabilityCode, ...ReliabilityCode[]],
): Support {
  let weakest: Support | null = null;
  for (const code of codes) {
    const f1 = reliability?.[code] ?? null;
    const name = RELIABILITY_CODES[code].name;
    if (f1 === null) return { f1: null, code: name };
    if (weakest === null || weakest.f1 === null || f1 < weakest.f1)
      weakest = { f1, code: name };
  }
  return weakest!;
}

export function certainty(f1: number | null, gate: FeedbackGate): Certainty {
  if (f1 === null || f1 < gate.hedgeAtF1) return "withhold";
  return f1 < gate.stateAtF1 ? "hedge" : "state";
}

/**
 * The sentence as it may be said: plain, hedged with its F1, or replaced by a note on why the
 * topic is not stated.
 * @example gatedSentence("Sustain talk outweighed change talk.", "change vs sustain talk", { f1: 0.29, code: "sustain-talk" }, DEFAULT_FEEDBACK_GATE)
 */
export function gatedSentence(
  sentence: string,
  topic: string,
  basis: Support,
  gate: FeedbackGate,
): string {
  const f1 = basis.f1?.toFixed(2);
  switch (certainty(basis.f1, gate)) {
    case "state":
      return sentence;
    case "hedge":
      return `Moderately sure (automated ${basis.code} codes, cross-validated F1 ${f1}; check the recording): ${sentence}`;
    case "withhold":
      return basis.f1 === null
        ? `Not stated: ${topic}. The automated ${basis.code} codes have no evaluation on record for this model.`
        : `Not stated: ${topic}. The automated ${basis.code} codes are too unreliable to say (cross-validated F1 ${f1}, below ${gate.hedgeAtF1.toFixed(2)}).`;
  }
}
