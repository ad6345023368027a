// Turn statistics and talk-time shares (descriptive only: no validated threshold exists,
// clinical-facts §5.3).
import type { CodedUtterance } from "../codedUtterance.js";
import type { Role } from "../transcript.js";

export interface Turn {
  role: Role;
  first: number;
  last: number;
  words: number;
  seconds: number | null;
}

export interface TalkTime {
  basis: "timestamps" | "words";
  therapistShare: number;
  clientShare: number;
  therapistWords: number;
  clientWords: number;
  therapistSeconds: number | null;
  clientSeconds: number | null;
}

function seconds(u: CodedUtterance): number | null {
  return u.start !== undefined && u.end !== undefined ? u.end - u.start : null;
}

/** Runs of consecutive utterances by one role. */
export function turns(utterances: readonly CodedUtterance[]): Turn[] {
  const result: Turn[] = [];
  for (const u of utterances) {
    const last = result.at(-1);
    const time = seconds(u);
    if (last && last.role === u.role) {
      last.last = u.index;
      last.words += u.words;
      last.seconds =
        last.seconds === null || time === null ? null : last.seconds + time;
    } else
      result.push({
        role: u.role,
        first: u.index,
        last: u.index,
        words: u.words,
        seconds: time,
      });
  }
  return result;
}

function sum(
  utterances: readonly CodedUtterance[],
  role: Role,
  measure: (u: CodedUtterance) => number,
): number {
  return utterances
    .filter((u) => u.role === role)
    .reduce((total, u) => total + measure(u), 0);
}

/** Shares of speaking time from timestamps when every utterance has start and end, else of words. */
export function talkTime(utterances: readonly CodedUtterance[]): TalkTime {
  const timed =
    utterances.length > 0 && utterances.every((u) => seconds(u) !== null);
  const therapistWords = sum(utterances, "therapist", (u) => u.words);
  const clientWords = sum(utterances, "client", (u) => u.words);
  const therapistSeconds = timed
    ? sum(utterances, "therapist", (u) => seconds(u)!)
    : null;
  const clientSeconds = timed
    ? sum(utterances, "client", (u) => seconds(u)!)
    : null;
  const [t, c] = timed
    ? [therapistSeconds!, clientSeconds!]
    : [therapistWords, clientWords];
  const total = t + c;
  return {
    basis: timed ? "timestamps" : "words",
    therapistShare: total === 0 ? 0 : t / total,
    clientShare: total === 0 ? 0 : c / total,
    therapistWords,
    clientWords,
    therapistSeconds,
    clientSeconds,
  };
}
