// The one call the server and CLI make: roles, coding, profile and feedback for parsed utterances.
import type { CodedUtterance } from "./codedUtterance.js";
import type { TranscriptModels } from "./coding/modelBundle.js";
import { codeTranscript } from "./codeTranscript.js";
import { feedback } from "./profile/feedback.js";
import {
  sessionProfile,
  type SessionProfile,
} from "./profile/sessionProfile.js";
import { assignRoles, type RoleOptions } from "./roles.js";
import type { Utterance } from "./transcript.js";

export interface TranscriptAnalysis {
  utterances: CodedUtterance[];
  profile: SessionProfile & { rolesInferred: boolean; feedback: string[] };
}

export type AnalysisResult =
  | { ok: true; analysis: TranscriptAnalysis }
  | { ok: false; reason: "unknown-therapist"; speakers: string[] };

/**
 * Codes a parsed transcript and summarises it.
 * @example analyzeTranscript(parsed.utterances, loadTranscriptModels(json), { therapist: "Dr Lee" })
 */
export function analyzeTranscript(
  utterances: readonly Utterance[],
  models: TranscriptModels,
  options: RoleOptions = {},
): AnalysisResult {
  const roles = assignRoles(utterances, options);
  if (!roles.ok) return roles;
  const coded = codeTranscript(utterances, roles.roles, models);
  const profile = sessionProfile(coded);
  return {
    ok: true,
    analysis: {
      utterances: coded,
      profile: {
        ...profile,
        rolesInferred: roles.inferred,
        feedback: feedback(profile),
      },
    },
  };
}
