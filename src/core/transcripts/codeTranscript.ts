// Codes every utterance of a transcript: tokenise once (wink-nlp), build features with the
// previous utterance as context, then apply the therapist or client classifiers and rules.
import type { CodedUtterance } from "./codedUtterance.js";
import { codeClient, codeTherapist } from "./coding/codeUtterance.js";
import { empathyLevels, type EmpathyLevels } from "./coding/empathy.js";
import { transcriptFeatures } from "./coding/features.js";
import type { TranscriptModels } from "./coding/modelBundle.js";
import { ruptureMarkers } from "./coding/ruptureMarkers.js";
import { tokenize } from "./coding/tokenize.js";
import type { Role, Utterance } from "./transcript.js";

/** Rules plus the reflection/question codes: a complex reflection states an inferred meaning (interpretation), an open question explores. */
function therapistEmpathy(text: string, reflection: CodedUtterance["reflection"], question: CodedUtterance["question"]): EmpathyLevels {
  const levels = empathyLevels(text);
  const fromReflection = reflection === "complex" ? 2 : reflection === "simple" ? 1 : 0;
  return {
    emotionalReaction: levels.emotionalReaction,
    interpretation: Math.max(levels.interpretation, fromReflection) as EmpathyLevels["interpretation"],
    exploration: Math.max(levels.exploration, question === "open" ? 1 : 0) as EmpathyLevels["exploration"],
  };
}

function base(u: Utterance, index: number, role: Role, words: number): CodedUtterance {
  const coded: CodedUtterance = {
    index, speaker: u.speaker, role, text: u.text, words,
    behaviour: null, reflection: null, question: null, talk: null, empathy: null, markers: [], confidence: {},
  };
  if (u.start !== undefined) coded.start = u.start;
  if (u.end !== undefined) coded.end = u.end;
  return coded;
}

function lastTherapistAskedOpen(coded: readonly CodedUtterance[]): boolean {
  const previous = coded.at(-1);
  return previous?.role === "therapist" && previous.question === "open";
}

/** Codes utterances in order; `roles` must map every speaker. */
export function codeTranscript(utterances: readonly Utterance[], roles: ReadonlyMap<string, Role>, models: TranscriptModels): CodedUtterance[] {
  const tokens = utterances.map((u) => tokenize(u.text));
  const roleList = utterances.map((u) => roles.get(u.speaker) ?? "client");
  const features = transcriptFeatures(tokens, roleList);
  const coded: CodedUtterance[] = [];
  utterances.forEach((u, i) => {
    const words = tokens[i]!.filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    const item = base(u, i, roleList[i]!, words);
    if (item.role === "therapist") {
      Object.assign(item, codeTherapist(features[i]!, models));
      item.empathy = therapistEmpathy(u.text, item.reflection, item.question);
    } else {
      Object.assign(item, codeClient(features[i]!, models));
      item.markers = ruptureMarkers(u.text, { afterOpenQuestion: lastTherapistAskedOpen(coded) });
    }
    coded.push(item);
  });
  return coded;
}
