// An episode's NHS Talking Therapies outcome in words, saying whether the course counts.
import type { EpisodeOutcome } from "../api/types";

const COURSE: Record<EpisodeOutcome["course"], string> = {
  finished: "finished course",
  ongoing: "so far",
  "ended-early": "ended before 2 sessions: not counted",
};

/** e.g. "NHS Talking Therapies: reliable recovery (finished course)". */
export function episodeOutcomeText(outcome: EpisodeOutcome): string {
  return `NHS Talking Therapies: ${outcome.label} (${COURSE[outcome.course]})`;
}

export function EpisodeOutcomeText({ outcome }: { outcome: EpisodeOutcome }) {
  return (
    <span className="episode-outcome" title={outcome.explanation.join(" ")}>
      {episodeOutcomeText(outcome)}
    </span>
  );
}
