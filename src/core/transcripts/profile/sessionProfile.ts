// The session's communication profile: MITI 4 summary scores against their thresholds, client
// language, talk time, turns, empathy and rupture markers (clinical-facts §5, §4.3).
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

function count<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.reduce((n, item) => (test(item) ? n + 1 : n), 0);
}

export function sessionCounts(coded: readonly CodedUtterance[]): SessionCounts {
  const therapist = coded.filter((u) => u.role === "therapist");
  const client = coded.filter((u) => u.role === "client");
  const simple = count(therapist, (u) => u.reflection === "simple");
  const complex = count(therapist, (u) => u.reflection === "complex");
  const open = count(therapist, (u) => u.question === "open");
  const closed = count(therapist, (u) => u.question === "closed");
  const behaviours = ["reflection", "question", "input", "other"] as const;
  const talks = ["change", "sustain", "neutral"] as const;
  return {
    therapistUtterances: therapist.length,
    clientUtterances: client.length,
    behaviour: Object.fromEntries(
      behaviours.map((b) => [b, count(therapist, (u) => u.behaviour === b)]),
    ) as Record<Behaviour, number>,
    reflections: { simple, complex, total: simple + complex },
    questions: { open, closed, total: open + closed },
    talk: Object.fromEntries(
      talks.map((t) => [t, count(client, (u) => u.talk === t)]),
    ) as Record<Talk, number>,
  };
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
