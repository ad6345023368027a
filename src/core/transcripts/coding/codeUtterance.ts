// Applies the trained classifiers to one utterance's features (MITI 4 / MISC codes, clinical-facts §5).
import { activeFeatures } from "./features.js";
import { predict } from "./linearModel.js";
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
 * Main behaviour plus reflection and question subtypes; an utterance may hold both a reflection
 * and a question, and the main behaviour always implies its own subtype.
 */
export function codeTherapist(features: readonly string[], models: TranscriptModels): TherapistCodes {
  const { index, models: m } = models.therapist;
  const active = activeFeatures(features, index);
  const behaviour = predict(m.behaviour, active);
  const hasReflection = behaviour.label === "reflection" || predict(m.reflectionPresent, active).label === "yes";
  const hasQuestion = behaviour.label === "question" || predict(m.questionPresent, active).label === "yes";
  const reflection = hasReflection ? predict(m.reflectionType, active) : null;
  const question = hasQuestion ? predict(m.questionType, active) : null;
  const confidence: Record<string, number> = { behaviour: behaviour.confidence };
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
export function codeClient(features: readonly string[], models: TranscriptModels): ClientCodes {
  const talk = predict(models.client.models.talk, activeFeatures(features, models.client.index));
  return { talk: talk.label as Talk, confidence: { talk: talk.confidence } };
}
