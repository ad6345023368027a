// Codes every utterance of a transcript: tokenise once (wink-nlp), build features with the
// previous and next utterances as context, then apply the therapist or client classifiers and
// rules.
import type { CodedUtterance } from "./codedUtterance.js";
import { codeClient, codeTherapist } from "./coding/codeUtterance.js";
import { empathyLevels, type EmpathyLevels } from "./coding/empathy.js";
import {
  compiledActive,
  tokenIds,
  type CompiledContext,
  type TokenIds,
} from "./coding/compiledFeatures.js";
import type { TranscriptModels } from "./coding/modelBundle.js";
import { ruptureMarkers } from "./coding/ruptureMarkers.js";
import { tokenize } from "./coding/tokenize.js";
import type { Role, Utterance } from "./transcript.js";

/** Rules plus the reflection/question codes: a complex reflection states an inferred meaning (interpretation), an open question explores. */
function therapistEmpathy(
  text: string,
  reflection: CodedUtterance["reflection"],
  question: CodedUtterance["question"],
): EmpathyLevels {
  const levels = empathyLevels(text);
  const fromReflection =
    reflection === "complex" ? 2 : reflection === "simple" ? 1 : 0;
  return {
    emotionalReaction: levels.emotionalReaction,
    interpretation: Math.max(
      levels.interpretation,
      fromReflection,
    ) as EmpathyLevels["interpretation"],
    exploration: Math.max(
      levels.exploration,
      question === "open" ? 1 : 0,
    ) as EmpathyLevels["exploration"],
  };
}

function base(
  u: Utterance,
  index: number,
  role: Role,
  words: number,
): CodedUtterance {
  const coded: CodedUtterance = {
    index,
    speaker: u.speaker,
    role,
    text: u.text,
    words,
    behaviour: null,
    reflection: null,
    question: null,
    talk: null,
    empathy: null,
    markers: [],
    confidence: {},
  };
  if (u.start !== undefined) coded.start = u.start;
  if (u.end !== undefined) coded.end = u.end;
  return coded;
}

function lastTherapistAskedOpen(coded: readonly CodedUtterance[]): boolean {
  const previous = coded.at(-1);
  return previous?.role === "therapist" && previous.question === "open";
}

/** Tokens that start with a letter or digit (punctuation and symbols are not words). */
function countWords(tokens: readonly string[]): number {
  let words = 0;
  for (const token of tokens) {
    const code = token.charCodeAt(0);
    const ascii =
      (code >= 48 && code <= 57) ||
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90);
    if (ascii || (code > 127 && /^[\p{L}\p{N}]/u.test(token))) words += 1;
  }
  return words;
}

interface Tokenised {
  ids: TokenIds;
  words: number;
}

function tokenise(
  utterances: readonly Utterance[],
  models: TranscriptModels,
): Tokenised[] {
  return utterances.map((u) => {
    const tokens = tokenize(u.text);
    return {
      ids: tokenIds(models.therapist.compiled, tokens),
      words: countWords(tokens),
    };
  });
}

function neighbours(
  tokenised: readonly Tokenised[],
  roles: readonly Role[],
  i: number,
): CompiledContext {
  return {
    previous: tokenised[i - 1]?.ids,
    previousSameRole: i > 0 && roles[i - 1] === roles[i],
    next: tokenised[i + 1]?.ids,
    nextSameRole: i + 1 < roles.length && roles[i + 1] === roles[i],
  };
}

/** Codes utterances in order; `roles` must map every speaker. */
export function codeTranscript(
  utterances: readonly Utterance[],
  roles: ReadonlyMap<string, Role>,
  models: TranscriptModels,
): CodedUtterance[] {
  const tokenised = tokenise(utterances, models);
  const roleOf = utterances.map((u) => roles.get(u.speaker) ?? "client");
  const coded: CodedUtterance[] = [];
  utterances.forEach((u, i) => {
    const { ids, words } = tokenised[i]!;
    const item = base(u, i, roleOf[i]!, words);
    const context = neighbours(tokenised, roleOf, i);
    if (item.role === "therapist") {
      Object.assign(
        item,
        codeTherapist(
          compiledActive(models.therapist.compiled, ids, context),
          models,
        ),
      );
      item.empathy = therapistEmpathy(u.text, item.reflection, item.question);
    } else {
      Object.assign(
        item,
        codeClient(
          compiledActive(models.client.compiled, ids, context),
          models,
        ),
      );
      item.markers = ruptureMarkers(u.text, {
        afterOpenQuestion: lastTherapistAskedOpen(coded),
      });
    }
    coded.push(item);
  });
  return coded;
}
