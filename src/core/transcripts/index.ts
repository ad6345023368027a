// Public API of transcript analysis (pure: no I/O). The server and CLI import from here.
export type {
  TranscriptFormat,
  Utterance,
  Role,
  TranscriptParseResult,
  TranscriptParseError,
  TranscriptLineParser,
} from "./transcript.js";
export {
  parseTranscript,
  createTranscriptParser,
  detectFormat,
} from "./parseTranscript.js";
export { assignRoles, type RoleOptions, type RoleAssignment } from "./roles.js";
export {
  loadTranscriptModels,
  type TranscriptModels,
  type TranscriptModelFile,
} from "./coding/modelBundle.js";
export {
  analyzeTranscript,
  type TranscriptAnalysis,
  type AnalysisResult,
  type AnalyzeOptions,
} from "./analyzeTranscript.js";
export {
  codeReliability,
  type CodeReliability,
  type ModelEvaluationFile,
} from "./coding/modelEvaluation.js";
export { ESTIMATE_LABEL } from "./profile/estimateLabel.js";
export {
  DEFAULT_FEEDBACK_GATE,
  type FeedbackGate,
} from "./profile/feedbackGate.js";
export {
  DEFAULT_FEEDBACK_OPTIONS,
  type FeedbackOptions,
} from "./profile/feedback.js";
export type { CodedUtterance } from "./codedUtterance.js";
export type { SessionProfile } from "./profile/sessionProfile.js";
export { empathyLevels, type EmpathyLevels } from "./coding/empathy.js";
export { ruptureMarkers, type RuptureMarker } from "./coding/ruptureMarkers.js";
export { textReport } from "./textReport.js";
export {
  analysisDocument,
  jsonDocument,
  type AnalysisDocument,
  type UtteranceDocument,
} from "./analysisDocument.js";
