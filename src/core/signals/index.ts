export { DEFAULT_SIGNAL_OPTIONS, compareSeverity } from "./defaults.js";
export { disengagementSignals } from "./disengagement.js";
export { evaluateSignals } from "./evaluateSignals.js";
export { notOnTrackSignals } from "./notOnTrack.js";
export {
  outcomeChange,
  recoverySignals,
  reliableChangeSignals,
  type OutcomeChange,
} from "./outcomeChange.js";
export { noImprovementSignals } from "./noImprovement.js";
export { riskSignals } from "./risk.js";
export {
  asOfSession,
  repairState,
  ruptureSignals,
  type RepairState,
} from "./rupture.js";
export type * from "./types.js";
export {
  ACTION_LABELS,
  actionsFor,
  checkAcknowledgement,
  type AcknowledgementAction,
} from "./acknowledgement.js";
