import { compareSeverity } from "./defaults.js";
import { disengagementSignals } from "./disengagement.js";
import { notOnTrackSignals } from "./notOnTrack.js";
import { recoverySignals, reliableChangeSignals } from "./outcomeChange.js";
import { noImprovementSignals } from "./noImprovement.js";
import { riskSignals } from "./risk.js";
import { ruptureSignals } from "./rupture.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  Signal,
  SignalParams,
} from "./types.js";

function instrumentSignals(
  input: ClientSignalInput,
  p: InstrumentSignalParams,
  params: SignalParams,
): Signal[] {
  const o = params.options;
  return [
    ...ruptureSignals(input, p, o.rupture),
    ...notOnTrackSignals(input, p, o.notOnTrack),
    ...reliableChangeSignals(input, p),
    ...recoverySignals(input, p),
    ...noImprovementSignals(input, p, o.noImprovement.bySession),
  ];
}

/**
 * Runs every signal rule for one client and returns the signals most severe first. Instruments
 * without parameters contribute risk signals only.
 * @example
 * evaluateSignals({ checkIns, appointments }, { instruments: { "phq-9": phq9Params }, options: DEFAULT_SIGNAL_OPTIONS });
 * // [{ kind: "risk", severity: "critical", ... }, { kind: "rupture", severity: "high", ... }, ...]
 */
export function evaluateSignals(
  input: ClientSignalInput,
  params: SignalParams,
): Signal[] {
  const present = new Set(input.checkIns.map((c) => c.instrumentId));
  const perInstrument = Object.values(params.instruments)
    .filter((p) => present.has(p.instrumentId))
    .flatMap((p) => instrumentSignals(input, p, params));
  const all = [
    ...riskSignals(input.checkIns, params),
    ...perInstrument,
    ...disengagementSignals(input, params.options.disengagement.missedInARow),
  ];
  return all.sort(
    (a, b) => compareSeverity(a, b) || a.causeKey.localeCompare(b.causeKey),
  );
}
