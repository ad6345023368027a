// The NHS Talking Therapies outcome of one episode of care: the paired PHQ-9 and GAD-7
// classification (talkingTherapies.ts) of its first and last scores, and whether the episode is a
// finished course of treatment, the only episodes the national rates count (clinical-facts §3.2).
import {
  classifyTalkingTherapiesEpisode,
  type TalkingTherapiesOutcome,
} from "./talkingTherapies.js";
import {
  NHS_TALKING_THERAPIES_THRESHOLDS,
  type TalkingTherapiesThresholds,
} from "./talkingTherapiesThresholds.js";

export interface EpisodeRecord {
  /** Valid totals in the episode, any instrument, any order; PHQ-9 and GAD-7 are read. */
  readonly scores: readonly {
    readonly instrumentId: string;
    readonly total: number;
    readonly at: string;
  }[];
  /** Attended sessions in the episode (Rapport does not tell assessment from treatment). */
  readonly attendedSessions: number;
  /** Whether the episode has ended (the client was discharged). */
  readonly ended: boolean;
}

/**
 * finished: ended after at least two attended treatment sessions ("finished a course of
 * treatment", clinical-facts §3.2 ✔); ongoing: not ended yet, so the outcome is so far;
 * ended-early: ended with fewer than two, which the national rates leave out.
 */
export type CourseStatus = "finished" | "ongoing" | "ended-early";

export interface TalkingTherapiesEpisodeOutcome extends TalkingTherapiesOutcome {
  readonly course: CourseStatus;
  readonly attendedSessions: number;
  /** The outcome in a few words, e.g. "reliable recovery". */
  readonly label: string;
}

/** "At least 2 attended treatment appointments" (fingertips glossary; HFAnalyticsLab/IAPT ✔). */
export const FINISHED_COURSE_MIN_SESSIONS = 2;

function firstAndLast(
  record: EpisodeRecord,
  instrumentId: string,
): { first: number; last: number } | null {
  const series = record.scores
    .filter((s) => s.instrumentId === instrumentId)
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = series[0];
  const last = series.at(-1);
  return first && last && series.length >= 2
    ? { first: first.total, last: last.total }
    : null;
}

function labelOf(o: TalkingTherapiesOutcome): string {
  if (o.reliableDeterioration) return "reliable deterioration";
  if (o.reliableRecovery) return "reliable recovery";
  if (o.recovery) return "recovery without reliable improvement";
  if (o.reliableImprovement)
    return o.casenessAtStart
      ? "reliable improvement, still at caseness"
      : "reliable improvement (not at caseness at the start)";
  return o.casenessAtStart
    ? "no reliable change, still at caseness"
    : "no reliable change (not at caseness at the start)";
}

function courseOf(record: EpisodeRecord): CourseStatus {
  if (!record.ended) return "ongoing";
  return record.attendedSessions >= FINISHED_COURSE_MIN_SESSIONS
    ? "finished"
    : "ended-early";
}

const COURSE_TEXT: Record<CourseStatus, string> = {
  finished: `Finished a course of treatment (ended after ${FINISHED_COURSE_MIN_SESSIONS} or more attended sessions): counted as NHS Talking Therapies count it.`,
  ongoing:
    "The episode is still open: the outcome so far, from the first and latest scores.",
  "ended-early": `Ended after fewer than ${FINISHED_COURSE_MIN_SESSIONS} attended sessions: not a finished course of treatment, so NHS Talking Therapies would not count it.`,
};

/**
 * The episode's paired-measure outcome, or null without at least two PHQ-9 and two GAD-7 scores.
 * @example
 * talkingTherapiesEpisodeOutcome({ scores: [phq9 16 → 7, gad7 12 → 6], attendedSessions: 8, ended: true })
 * // { course: "finished", label: "reliable recovery", reliableRecovery: true, ... }
 */
export function talkingTherapiesEpisodeOutcome(
  record: EpisodeRecord,
  thresholds: TalkingTherapiesThresholds = NHS_TALKING_THERAPIES_THRESHOLDS,
): TalkingTherapiesEpisodeOutcome | null {
  const phq9 = firstAndLast(record, "phq-9");
  const gad7 = firstAndLast(record, "gad-7");
  if (!phq9 || !gad7) return null;
  const outcome = classifyTalkingTherapiesEpisode({ phq9, gad7 }, thresholds);
  const course = courseOf(record);
  return {
    ...outcome,
    course,
    attendedSessions: record.attendedSessions,
    label: labelOf(outcome),
    explanation: [
      COURSE_TEXT[course],
      `${record.attendedSessions} attended session(s); Rapport does not tell assessment from treatment sessions, so every attended session counts.`,
      ...outcome.explanation,
    ],
  };
}
