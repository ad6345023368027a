// The codes an utterance is shown with, in words: the words are the cue, the colour only repeats
// them (docs/transcripts.md lists the codes).
import type { Utterance } from "../api/transcripts";

export const CODE_LABELS = {
  "complex-reflection": "Complex reflection",
  "simple-reflection": "Simple reflection",
  "open-question": "Open question",
  "closed-question": "Closed question",
  input: "Giving information",
  other: "Other",
  change: "Change talk",
  sustain: "Sustain talk",
  neutral: "Neutral",
  withdrawal: "Withdrawal marker",
  confrontation: "Confrontation marker",
} as const;

export type DisplayCode = keyof typeof CODE_LABELS;

const isCode = (code: string): code is DisplayCode => code in CODE_LABELS;

/** The utterance's codes, most specific first (a reflection before its behaviour). */
export function displayCodes(u: Utterance): DisplayCode[] {
  const codes: string[] = [];
  if (u.reflection) codes.push(`${u.reflection}-reflection`);
  if (u.question) codes.push(`${u.question}-question`);
  if (u.behaviour === "input" || u.behaviour === "other")
    codes.push(u.behaviour);
  if (u.talk) codes.push(u.talk);
  codes.push(...u.markers);
  return codes.filter(isCode);
}
