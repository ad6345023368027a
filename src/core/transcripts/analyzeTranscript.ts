// The one call the server and CLI make: roles, coding, profile and feedback for parsed utterances.
import type { CodedUtterance } from "./codedUtterance.js";
import type { TranscriptModels } from "./coding/modelBundle.js";
import type { CodeReliability } from "./coding/modelEvaluation.js";
import { codeTranscript } from "./codeTranscript.js";
import { ESTIMATE_LABEL } from "./profile/estimateLabel.js";
import {
  DEFAULT_FEEDBACK_OPTIONS,
  feedback,
  type FeedbackOptions,
} from "./profile/feedback.js";
import {
  sessionProfile,
  type SessionProfile,
} from "./profile/sessionProfile.js";
import { assignRoles, type RoleOptions } from "./roles.js";
import type { Utterance } from "./transcript.js";

export interface TranscriptAnalysis {
  utterances: CodedUtterance[];
  profile: SessionProfile & {
    /** Always "automated estimate, not a MITI rating". */
    label: typeof ESTIMATE_LABEL;
    /** Cross-validated F1 per code of the models used (how sure the estimate is); null: none on record. */
    codeF1: CodeReliability | null;
    rolesInferred: boolean;
    feedback: string[];
  };
}

export interface AnalyzeOptions extends RoleOptions {
  /** Feedback gating thresholds and the monologue prompt (design choices; defaults documented). */
  feedback?: FeedbackOptions;
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
  options: AnalyzeOptions = {},
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
        label: ESTIMATE_LABEL,
        ...profile,
        codeF1: models.reliability,
        rolesInferred: roles.inferred,
        // The gate reads the F1 recorded for these very models (null: none on record).
        feedback: feedback(
          profile,
          models.reliability,
          options.feedback ?? DEFAULT_FEEDBACK_OPTIONS,
        ),
      },
    },
  };
}
