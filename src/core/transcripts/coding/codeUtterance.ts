// Applies the trained classifiers to one utterance's active feature indices (MITI 4 / MISC codes, clinical-facts §5).
import { predictAll } from "./fusedModels.js";
import type { TranscriptModels } from "./modelBundle.js";

export type Behaviour = "reflection" | "question" | "input" | "other";
export type Talk = "change" | "sustain" | "neutral";

export interface TherapistCodes {
  behaviour: Behaviour;
  reflection: "simple" | "complex" | null;
  question: "open" | "closed" | null;
  confidence: Record<string, number>;
}

export interface ClientCodes {
  talk: Talk;
  confidence: Record<string, number>;
}

/**
 * Whether the output carries a reflection (or question) subtype: when it is the main behaviour or
 * the presence classifier says the utterance also contains one; otherwise the subtype is null.
 */
export function subtypeShown(
  kind: "reflection" | "question",
  behaviourLabel: string,
  presentLabel: string,
): boolean {
  return behaviourLabel === kind || presentLabel === "yes";
}

/**
 * Main behaviour plus reflection and question subtypes; an utterance may hold both a reflection
 * and a question, and the main behaviour always implies its own subtype.
 */
export function codeTherapist(
  active: readonly number[],
  models: TranscriptModels,
): TherapistCodes {
  const p = predictAll(models.therapist.fused, active);
  const behaviour = p.behaviour;
  const reflection = subtypeShown(
    "reflection",
    behaviour.label,
    p.reflectionPresent.label,
  )
    ? p.reflectionType
    : null;
  const question = subtypeShown(
    "question",
    behaviour.label,
    p.questionPresent.label,
  )
    ? p.questionType
    : null;
  const confidence: Record<string, number> = {
    behaviour: behaviour.confidence,
  };
  if (reflection) confidence.reflection = reflection.confidence;
  if (question) confidence.question = question.confidence;
  return {
    behaviour: behaviour.label as Behaviour,
    reflection: (reflection?.label ?? null) as TherapistCodes["reflection"],
    question: (question?.label ?? null) as TherapistCodes["question"],
    confidence,
  };
}

/** Change, sustain or neutral (follow) talk. */
export function codeClient(
  active: readonly number[],
  models: TranscriptModels,
): ClientCodes {
  const talk = predictAll(models.client.fused, active).talk;
  return { talk: talk.label as Talk, confidence: { talk: talk.confidence } };
}
