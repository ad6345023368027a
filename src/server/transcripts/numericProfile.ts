// The session profile without any text (no utterance quotes, no feedback sentences): what is
// stored in clear beside the encrypted analysis, for lists and later supervisor aggregates.
import type { TranscriptAnalysis } from "../../core/transcripts/index.js";

type FullProfile = TranscriptAnalysis["profile"];

export type NumericProfile = Omit<
  FullProfile,
  "ruptureMarkers" | "feedback"
> & {
  ruptureMarkers: {
    index: number;
    marker: FullProfile["ruptureMarkers"][number]["marker"];
  }[];
};

export function numericProfile(profile: FullProfile): NumericProfile {
  const numbers: Partial<FullProfile> = { ...profile };
  delete numbers.feedback;
  return {
    ...(numbers as Omit<FullProfile, "feedback">),
    ruptureMarkers: profile.ruptureMarkers.map(({ index, marker }) => ({
      index,
      marker,
    })),
  };
}
