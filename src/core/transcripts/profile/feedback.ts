// Plain-language suggestions a therapist can act on, derived from the profile. Only the MITI 4
// summary scores have thresholds (clinical-facts §5.1); talk time is described, never judged (§5.3).
// Each sentence resting on trained codes passes the feedback gate (feedbackGate.ts) first.
import type { CodeReliability } from "../coding/modelEvaluation.js";
import {
  DEFAULT_FEEDBACK_GATE,
  gatedSentence,
  support,
  type FeedbackGate,
} from "./feedbackGate.js";
import type { SessionProfile } from "./sessionProfile.js";

export interface FeedbackOptions {
  gate: FeedbackGate;
  /** A therapist stretch this long prompts a check-in: design choice, no published threshold (§5.3). */
  monologueWords: number;
}

export const DEFAULT_FEEDBACK_OPTIONS: FeedbackOptions = {
  gate: DEFAULT_FEEDBACK_GATE,
  monologueWords: 150,
};

const pct = (value: number) => `${Math.round(value)}%`;

function reflectionSentence(p: SessionProfile): string | null {
  const rq = p.reflectionToQuestion;
  if (rq.value === null)
    return p.counts.reflections.total === 0
      ? "No questions or reflections were detected."
      : null;
  if (rq.level === "below-fair")
    return `You asked more questions than you reflected (R:Q ${rq.value.toFixed(2)}; MITI 4 fair is 1:1, good 2:1). Try answering a client statement with a reflection before the next question.`;
  if (rq.level === "fair")
    return `Reflections kept pace with questions (R:Q ${rq.value.toFixed(2)}); reaching 2:1 would meet the MITI 4 "good" threshold.`;
  return `Strong reflective listening: R:Q ${rq.value.toFixed(2)} meets the MITI 4 "good" threshold (2:1).`;
}

function complexSentence(p: SessionProfile): string | null {
  const cr = p.percentComplexReflections;
  if (cr.value === null) return null;
  if (cr.level === "below-fair")
    return `${pct(cr.value)} of reflections were complex (MITI 4 fair 40%, good 50%). Add meaning or feeling to what the client said, not only repeat it.`;
  return `${pct(cr.value)} of reflections were complex, at the MITI 4 "${cr.level}" threshold.`;
}

function changeTalkSentence(p: SessionProfile): string | null {
  if (p.percentChangeTalk === null) return null;
  const share = `${pct(p.percentChangeTalk)} of the client's change-related statements were change talk (vs sustain talk).`;
  return p.percentChangeTalk < 50
    ? `${share} Sustain talk outweighed change talk: open questions and reflections of the client's own reasons tend to be followed by change talk (Apodaca et al. 2016).`
    : share;
}

function ruptureSentence(p: SessionProfile): string | null {
  if (p.ruptureMarkers.length === 0) return null;
  const where = p.ruptureMarkers
    .slice(0, 5)
    .map((m) => `#${m.index} ${m.marker}`)
    .join(", ");
  // Rules with no labelled evaluation data (docs/transcripts.md): worded as moments to review.
  return `Possible rupture markers (${where}; rule-based flags, not evaluated against labelled data): check these moments and consider naming the tension with the client.`;
}

function talkFeedback(p: SessionProfile, options: FeedbackOptions): string[] {
  const share = pct(100 * p.talkTime.therapistShare);
  const lines = [
    `You spoke ${share} of the session (by ${p.talkTime.basis}); this is descriptive, not a quality threshold.`,
  ];
  const longest = p.longestTherapistMonologue;
  if (longest && longest.words >= options.monologueWords)
    lines.push(
      `Your longest uninterrupted stretch was ${longest.words} words (utterances #${longest.firstIndex}–#${longest.lastIndex}); consider checking in with the client sooner. (Prompted at ${options.monologueWords} words or more: Rapport's design choice, not a published threshold.)`,
    );
  return lines;
}

/**
 * The feedback sentences, each gated by the F1 of the codes it rests on.
 * @example feedback(profile, { sustainTalk: 0.29, changeTalk: 0.46 }) // change talk: "Not stated: …"
 */
export function feedback(
  p: SessionProfile,
  reliability: CodeReliability | null,
  options: FeedbackOptions = DEFAULT_FEEDBACK_OPTIONS,
): string[] {
  const gate = (
    sentence: string | null,
    topic: string,
    basis: ReturnType<typeof support>,
  ) =>
    sentence === null
      ? []
      : [gatedSentence(sentence, topic, basis, options.gate)];
  const rupture = ruptureSentence(p);
  return [
    ...gate(
      reflectionSentence(p),
      "how reflections compare with questions",
      support(reliability, ["reflection", "question"]),
    ),
    ...gate(
      complexSentence(p),
      "the share of complex reflections",
      support(reliability, ["simpleReflection", "complexReflection"]),
    ),
    ...gate(
      changeTalkSentence(p),
      "the balance of change talk and sustain talk",
      support(reliability, ["changeTalk", "sustainTalk"]),
    ),
    ...(rupture === null ? [] : [rupture]),
    ...talkFeedback(p, options),
  ];
}
