// Public API of the instrument engine, for the server and CLI layers.
export { PackSchema, type Pack, type InstrumentKind } from "./packSchema.js";
export type {
  ScoringSpec,
  Band,
  MissingRule,
  ReliableChangeSpec,
} from "./scoringSchema.js";
export { validatePack, type PackValidation } from "./validatePack.js";
export { compareVersions } from "./compareVersions.js";
export { loadPacks, type LoadedPacks } from "./loadPacks.js";
export { bundledPack, bundledPacks, bundledPackVersions } from "./bundled.js";
export { score, type ScoreResult } from "./score.js";
export type {
  RawAnswers,
  ScoreReason,
  ScoreReasonCode,
} from "./answerCheck.js";
export type { RiskHit } from "./interpret.js";
export { parseAnswers, type ParsedAnswers } from "./parseAnswers.js";
export { totalRange, answerableItems, type ValueRange } from "./itemValues.js";
export * from "./reliableChange.js";
export {
  classifyTalkingTherapiesEpisode,
  type TalkingTherapiesOutcome,
  type EpisodeScores,
} from "./talkingTherapies.js";
export {
  talkingTherapiesEpisodeOutcome,
  type TalkingTherapiesEpisodeOutcome,
  type EpisodeRecord,
  type CourseStatus,
} from "./talkingTherapiesEpisode.js";
export {
  NHS_TALKING_THERAPIES_THRESHOLDS,
  talkingTherapiesThresholds,
  type TalkingTherapiesThresholds,
} from "./talkingTherapiesThresholds.js";
export {
  reliability,
  alphaFromCovariance,
  omegaFromCovariance,
  type Reliability,
  type ResponseMatrix,
} from "./reliability.js";
