// The session's communication profile: estimates of the MITI 4 summary scores from classifier codes
// against their thresholds (never a MITI rating), client language, talk time, turns, empathy and
// rupture markers (clinical-facts §5, §4.3).
import type { CodedUtterance } from "../codedUtterance.js";
import type { Behaviour, Talk } from "../coding/codeUtterance.js";
import type { RuptureMarker } from "../coding/ruptureMarkers.js";
import {
  PERCENT_COMPLEX_REFLECTIONS,
  REFLECTION_TO_QUESTION,
  percent,
  ratio,
  thresholded,
  type ThresholdedScore,
} from "./mitiThresholds.js";
import { talkTime, turns, type TalkTime } from "./turns.js";
import { empathyRates, type EmpathyRates } from "./empathyRates.js";

export interface SessionCounts {
  therapistUtterances: number;
  clientUtterances: number;
  behaviour: Record<Behaviour, number>;
  reflections: { simple: number; complex: number; total: number };
  questions: { open: number; closed: number; total: number };
  talk: Record<Talk, number>;
}

export interface TurnStatistics {
  turns: number;
  therapistTurns: number;
  clientTurns: number;
  meanTherapistTurnWords: number | null;
  meanClientTurnWords: number | null;
}

export interface Monologue {
  firstIndex: number;
  lastIndex: number;
  words: number;
  seconds: number | null;
}

export interface SessionProfile {
  counts: SessionCounts;
  reflectionToQuestion: ThresholdedScore;
  percentComplexReflections: ThresholdedScore;
  percentOpenQuestions: number | null;
  percentChangeTalk: number | null;
  talkTime: TalkTime;
  turns: TurnStatistics;
  longestTherapistMonologue: Monologue | null;
  empathy: EmpathyRates;
  ruptureMarkers: { index: number; marker: RuptureMarker; text: string }[];
}

/** Counts every code in one pass over the utterances. */
export function sessionCounts(coded: readonly CodedUtterance[]): SessionCounts {
  const counts: SessionCounts = {
    therapistUtterances: 0,
    clientUtterances: 0,
    behaviour: { reflection: 0, question: 0, input: 0, other: 0 },
    reflections: { simple: 0, complex: 0, total: 0 },
    questions: { open: 0, closed: 0, total: 0 },
    talk: { change: 0, sustain: 0, neutral: 0 },
  };
  for (const u of coded) {
    if (u.role === "client") counts.clientUtterances += 1;
    else counts.therapistUtterances += 1;
    if (u.behaviour) counts.behaviour[u.behaviour] += 1;
    if (u.reflection) counts.reflections[u.reflection] += 1;
    if (u.question) counts.questions[u.question] += 1;
    if (u.talk) counts.talk[u.talk] += 1;
  }
  counts.reflections.total =
    counts.reflections.simple + counts.reflections.complex;
  counts.questions.total = counts.questions.open + counts.questions.closed;
  return counts;
}

function turnStatistics(coded: readonly CodedUtterance[]): {
  stats: TurnStatistics;
  longest: Monologue | null;
} {
  const all = turns(coded);
  const therapist = all.filter((t) => t.role === "therapist");
  const client = all.filter((t) => t.role === "client");
  const mean = (list: typeof all) =>
    list.length === 0
      ? null
      : list.reduce((n, t) => n + t.words, 0) / list.length;
  const longest = therapist.reduce<(typeof all)[number] | null>(
    (best, t) => (best === null || t.words > best.words ? t : best),
    null,
  );
  return {
    stats: {
      turns: all.length,
      therapistTurns: therapist.length,
      clientTurns: client.length,
      meanTherapistTurnWords: mean(therapist),
      meanClientTurnWords: mean(client),
    },
    longest: longest && {
      firstIndex: longest.first,
      lastIndex: longest.last,
      words: longest.words,
      seconds: longest.seconds,
    },
  };
}

/** Summarises coded utterances; every ratio is null when its denominator is zero. */
export function sessionProfile(
  coded: readonly CodedUtterance[],
): SessionProfile {
  const counts = sessionCounts(coded);
  const { stats, longest } = turnStatistics(coded);
  const rq = ratio(counts.reflections.total, counts.questions.total);
  return {
    counts,
    reflectionToQuestion: thresholded(rq, REFLECTION_TO_QUESTION),
    percentComplexReflections: thresholded(
      percent(counts.reflections.complex, counts.reflections.total),
      PERCENT_COMPLEX_REFLECTIONS,
    ),
    percentOpenQuestions: percent(
      counts.questions.open,
      counts.questions.total,
    ),
    // % change talk = CT / (CT + ST) (MISC 2.5, clinical-facts §5.2)
    percentChangeTalk: percent(
      counts.talk.change,
      counts.talk.change + counts.talk.sustain,
    ),
    talkTime: talkTime(coded),
    turns: stats,
    longestTherapistMonologue: longest,
    empathy: empathyRates(coded),
    ruptureMarkers: coded.flatMap((u) =>
      u.markers.map((marker) => ({ index: u.index, marker, text: u.text })),
    ),
  };
}
