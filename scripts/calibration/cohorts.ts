// Simulated cohorts with known truth for the signal calibration (scripts/calibrate-signals.ts).
// Every number here is an assumption of the simulation, labelled as such in docs/signals.md; none
// is derived from a threshold the calibration tests.
import { readFileSync } from "node:fs";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { appointment, checkIn } from "../../src/core/signals/fixtures.js";
import { signalParamsFromPack } from "../../src/core/signals/fromPack.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  ScoredCheckIn,
} from "../../src/core/signals/types.js";
import { parseTrajectoryModel } from "../../src/core/stats/parseTrajectoryModel.js";
import type { Uniform } from "../../src/core/stats/prng.js";

export const N = 1000; // clients per class
export const SESSIONS = 8;
/** PHQ-9 session-to-session measurement error (SD, points): assumptions, not derived from any rule. */
export const PHQ_NOISE = [1.5, 2.5, 3.5];
export const SHARE_NOISE = 2.5; // the level the share-flagged table uses
/** Alliance check-in (0–10 mean of four items) within-person noise SD: assumptions. */
export const ALLIANCE_NOISE = [0.5, 0.75];
export const ALLIANCE_DIPS = [1, 2];

const stored = JSON.parse(
  readFileSync(
    new URL("../../models/reference-trajectory.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

/** The shipped parameters: the bundled pack's, with the bundled reference model for PHQ-9. */
function shipped(id: string): InstrumentSignalParams {
  const pack = bundledPack(id);
  const model =
    id === "phq-9" ? parseTrajectoryModel(stored["phq-9"]) : undefined;
  const params = pack && signalParamsFromPack(pack, model);
  if (!params) throw new Error(`no signal parameters for ${id}`);
  return params;
}
export const PHQ9 = shipped("phq-9");
export const ALLIANCE = shipped("rapport-alliance");

export const round = (x: number, lo: number, hi: number, step = 1) =>
  Math.min(hi, Math.max(lo, Math.round(x / step) * step));
const between = (u: Uniform, lo: number, hi: number) => lo + (hi - lo) * u();

export type OutcomeClass = "improving" | "slow" | "stable" | "deteriorating";
export const OUTCOME_CLASSES: OutcomeClass[] = [
  "improving",
  "slow",
  "stable",
  "deteriorating",
];
export const CLASS_TEXT: Record<OutcomeClass, string> = {
  improving: "improving (true drop 11–14, true last < 10)",
  slow: "slow improver (true drop 6–9)",
  stable: "stable (no true change)",
  deteriorating: "deteriorating (true rise 7–10)",
};

/**
 * A PHQ-9 series: true(s) = intake − Δ·ln s / ln 8; every observed score, the intake too, is
 * round(true + N(0, noise²)) clipped to 0–27.
 */
export function outcomeSeries(
  kind: OutcomeClass,
  noise: number,
  u: Uniform,
  z: () => number,
): { checkIns: ScoredCheckIn[]; truth: number[] } {
  const intake =
    kind === "deteriorating" ? between(u, 12, 18) : between(u, 14, 20);
  const delta = {
    improving: between(u, 11, 14),
    slow: between(u, 6, 9),
    stable: 0,
    deteriorating: -between(u, 7, 10),
  }[kind];
  const truth = Array.from(
    { length: SESSIONS },
    (_, i) => intake - (delta * Math.log(i + 1)) / Math.log(SESSIONS),
  );
  const checkIns = truth.map((t, i) =>
    checkIn("phq-9", i + 1, round(t + noise * z(), 0, 27)),
  );
  return { checkIns, truth };
}

export type AllianceClass = "stable" | "v-shape" | "unrepaired";

/** Person mean ~ N(8.25, 0.75²) capped at 9.5; a dip of `depth` at session 5–8; totals in 0.25 steps. */
export function allianceClient(
  kind: AllianceClass,
  depth: number,
  noise: number,
  u: Uniform,
  z: () => number,
) {
  const mean = Math.min(9.5, 8.25 + 0.75 * z());
  const onset = 5 + Math.floor(u() * 4);
  const dip = (s: number) =>
    kind === "stable" || s < onset
      ? 0
      : s === onset || kind === "unrepaired"
        ? depth
        : s === onset + 1
          ? depth / 2
          : 0;
  const checkIns = Array.from({ length: 10 }, (_, i) =>
    checkIn(
      "rapport-alliance",
      i + 1,
      round(mean - dip(i + 1) + noise * z(), 0, 10, 0.25),
    ),
  );
  return { checkIns, onset };
}

/**
 * Ten weekly sessions, 10% random no-shows; a check-in asked at every second attended session
 * (the schedule), 20% of those unanswered. Disengaged clients miss their last two sessions.
 * `everyAttended` replays the old rule, which expected a check-in at every attended session.
 */
export function disengagementClient(
  disengaged: boolean,
  everyAttended: boolean,
  u: Uniform,
): ClientSignalInput {
  const checkIns: ScoredCheckIn[] = [];
  let attended = 0;
  const appointments = Array.from({ length: 10 }, (_, i) => {
    const came = disengaged && i >= 8 ? false : u() >= 0.1;
    if (came) attended++;
    const asked = came && attended % 2 === 0;
    if (asked && u() >= 0.2) checkIns.push(checkIn("phq-9", i + 1, 12));
    return appointment(i + 1, came, everyAttended ? came : asked);
  });
  return { checkIns, appointments };
}
