// NHS Talking Therapies (formerly IAPT) outcome of one episode from its paired PHQ-9 and GAD-7,
// first and last scores (clinical-facts.md §3.2; Clark et al. 2018, Lancet 391:679–686).
import {
  NHS_TALKING_THERAPIES_THRESHOLDS,
  type MeasureThresholds,
  type TalkingTherapiesThresholds,
} from "./talkingTherapiesThresholds.js";

export interface PairedScores {
  readonly first: number;
  readonly last: number;
}

export interface EpisodeScores {
  readonly phq9: PairedScores;
  readonly gad7: PairedScores;
}

export interface TalkingTherapiesOutcome {
  /** At caseness at the start: PHQ-9 or GAD-7 at or above its cut-off. */
  readonly casenessAtStart: boolean;
  readonly casenessAtEnd: boolean;
  /** Recovery is only defined for episodes that started at caseness (null otherwise: excluded from the rate). */
  readonly recovery: boolean | null;
  readonly reliableImprovement: boolean;
  readonly reliableDeterioration: boolean;
  /** Recovery and reliable improvement together (null when recovery is not defined). */
  readonly reliableRecovery: boolean | null;
  readonly explanation: string[];
}

type Change = "improved" | "deteriorated" | "unchanged";

function change(scores: PairedScores, t: MeasureThresholds): Change {
  const drop = scores.first - scores.last;
  if (drop >= t.reliableChange) return "improved";
  return -drop >= t.reliableChange ? "deteriorated" : "unchanged";
}

function atCaseness(
  phq9: number,
  gad7: number,
  t: TalkingTherapiesThresholds,
): boolean {
  return phq9 >= t.phq9.caseness || gad7 >= t.gad7.caseness;
}

/**
 * Classifies an episode: caseness "on either their anxiety score, their depression score, or both"
 * (fingertips glossary ✔); recovery = at caseness at start, not at end (NHS Digital ✔); reliable
 * improvement = reliable drop on at least one measure and no reliable rise on the other, reliable
 * deterioration the mirror image (⚠ usual summary of the IAPT Manual); reliable recovery = both ✔.
 * @example classifyTalkingTherapiesEpisode({ phq9: { first: 16, last: 7 }, gad7: { first: 12, last: 6 } }).reliableRecovery // true
 */
export function classifyTalkingTherapiesEpisode(
  scores: EpisodeScores,
  thresholds: TalkingTherapiesThresholds = NHS_TALKING_THERAPIES_THRESHOLDS,
): TalkingTherapiesOutcome {
  const start = atCaseness(scores.phq9.first, scores.gad7.first, thresholds);
  const end = atCaseness(scores.phq9.last, scores.gad7.last, thresholds);
  const changes = [
    change(scores.phq9, thresholds.phq9),
    change(scores.gad7, thresholds.gad7),
  ];
  const reliableImprovement =
    changes.includes("improved") && !changes.includes("deteriorated");
  const reliableDeterioration =
    changes.includes("deteriorated") && !changes.includes("improved");
  const recovery = start ? !end : null;
  const reliableRecovery =
    recovery === null ? null : recovery && reliableImprovement;
  const explanation = [
    `PHQ-9 ${scores.phq9.first} → ${scores.phq9.last} (${changes[0]}); GAD-7 ${scores.gad7.first} → ${scores.gad7.last} (${changes[1]}).`,
    `Caseness: PHQ-9 ≥ ${thresholds.phq9.caseness} or GAD-7 ≥ ${thresholds.gad7.caseness}; reliable change: PHQ-9 ≥ ${thresholds.phq9.reliableChange}, GAD-7 ≥ ${thresholds.gad7.reliableChange}.`,
    start
      ? `At caseness at the start; ${end ? "still" : "not"} at caseness at the end.`
      : "Not at caseness at the start, so recovery does not apply.",
    thresholds.source,
  ];
  return {
    casenessAtStart: start,
    casenessAtEnd: end,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery,
    explanation,
  };
}
