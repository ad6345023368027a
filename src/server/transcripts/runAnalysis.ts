// One stored transcript in, its analysis out: the same function runs on the main thread (small
// files) and in the analysis worker thread (large ones). Pure apart from the models it is given.
import {
  analysisDocument,
  analyzeTranscript,
  parseTranscript,
  type TranscriptFormat,
  type TranscriptModels,
} from "../../core/transcripts/index.js";
import { numericProfile, type NumericProfile } from "./numericProfile.js";

export interface AnalysisJob {
  text: string;
  format: TranscriptFormat;
  therapist: string | null;
}

export type AnalysisOutcome =
  | { ok: true; document: string; profile: NumericProfile }
  /** `error` holds a code and a line number only: it is stored in clear. */
  | { ok: false; error: string };

export function runAnalysis(
  job: AnalysisJob,
  models: TranscriptModels,
): AnalysisOutcome {
  const parsed = parseTranscript(job.text, job.format);
  if (!parsed.ok)
    return {
      ok: false,
      error: `${parsed.error.code} at line ${parsed.error.line}`,
    };
  const result = analyzeTranscript(
    parsed.utterances,
    models,
    job.therapist === null ? {} : { therapist: job.therapist },
  );
  if (!result.ok) return { ok: false, error: "unknown-therapist" };
  return {
    ok: true,
    document: JSON.stringify(analysisDocument(result.analysis)),
    profile: numericProfile(result.analysis.profile),
  };
}
