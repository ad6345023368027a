import type {
  Appointment,
  InstrumentSignalParams,
  ScoredCheckIn,
  SignalParams,
} from "./types.js";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import type { TrajectoryModel } from "../stats/trajectoryModel.js";

/**
 * Named, realistic fixtures shared by unit tests, the calibration script and (later) the demo seed.
 * Instrument numbers: PHQ-9 / GAD-7 caseness 10 / 8 and reliable change 6 / 4 (NHS Talking
 * Therapies, clinical-facts 3.2 ⚠). The alliance check-in's SD floor of 1 is a test value only.
 */
export const PHQ9: InstrumentSignalParams = {
  instrumentId: "phq-9",
  label: "PHQ-9",
  role: "outcome",
  direction: "higherIsWorse",
  reliableChange: { kind: "points", minChange: 6 },
  caseness: 10,
};

export const GAD7: InstrumentSignalParams = {
  instrumentId: "gad-7",
  label: "GAD-7",
  role: "outcome",
  direction: "higherIsWorse",
  reliableChange: { kind: "points", minChange: 4 },
  caseness: 8,
};

export const ALLIANCE: InstrumentSignalParams = {
  instrumentId: "rapport-alliance",
  label: "Alliance check-in",
  role: "alliance",
  direction: "higherIsBetter",
  sdFloor: 1,
  subscaleLabels: {
    goals: "agreement on goals",
    tasks: "agreement on tasks",
    bond: "bond",
  },
};

export const PARAMS: SignalParams = {
  instruments: { "phq-9": PHQ9, "gad-7": GAD7, "rapport-alliance": ALLIANCE },
  options: DEFAULT_SIGNAL_OPTIONS,
};

/**
 * A trajectory model simple enough to check by hand: expected = intake − 2·ln t, SD 2 (residual
 * variance only, no parameter uncertainty).
 */
export const HAND_MODEL: TrajectoryModel = {
  instrumentId: "phq-9",
  fixedEffects: {
    intercept: 0,
    intake: 1,
    lnSession: -2,
    intakeByLnSession: 0,
  },
  fixedEffectCovariance: [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ],
  randomEffects: { tau00: 0, tau01: 0, tau11: 0 },
  residualVariance: 4,
  method: "REML",
  nClients: 1,
  nObservations: 1,
  minSession: 2,
  maxSession: 20,
  converged: true,
  source: "reference model, not fitted to your clinic",
};

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6, 10);

/** ISO timestamp of a weekly session (session 1 on Monday 6 January 2025, 10:00 UTC). */
export function sessionDate(sessionIndex: number): string {
  return new Date(START + (sessionIndex - 1) * 7 * DAY).toISOString();
}

export function checkIn(
  instrumentId: string,
  sessionIndex: number,
  total: number | null,
  extra: Partial<ScoredCheckIn> = {},
): ScoredCheckIn {
  return {
    sessionIndex,
    at: sessionDate(sessionIndex),
    instrumentId,
    instrumentVersion: "1",
    total,
    subscales: {},
    riskItems: [],
    ...extra,
  };
}

/** A series of one instrument's totals at sessions 1, 2, 3, … */
export function series(
  instrumentId: string,
  totals: readonly number[],
  firstSession = 1,
): ScoredCheckIn[] {
  return totals.map((total, i) =>
    checkIn(instrumentId, firstSession + i, total),
  );
}

export function appointment(
  sessionIndex: number,
  attended: boolean,
  checkInExpected = true,
): Appointment {
  return {
    sessionIndex,
    at: sessionDate(sessionIndex),
    attended,
    checkInExpected,
  };
}

/** Ana improves: PHQ-9 18 → 8 over eight sessions, steady alliance. */
export const IMPROVING_CLIENT = {
  checkIns: [
    ...series("phq-9", [18, 16, 15, 13, 11, 10, 9, 8]),
    ...series("rapport-alliance", [34, 35, 35, 36, 35, 36, 36, 35]),
  ],
  appointments: Array.from({ length: 8 }, (_, i) => appointment(i + 1, true)),
};

/** Ben has a rupture at session 5 (bond drops) that is repaired at session 6. */
export const RUPTURE_REPAIRED_CLIENT = {
  checkIns: [
    ...series("phq-9", [16, 15, 14, 14, 15, 12]),
    ...[35, 36, 34, 35, 30, 35].map((total, i) =>
      checkIn("rapport-alliance", i + 1, total, {
        subscales:
          i === 4
            ? { goals: 9, tasks: 8, bond: 5 }
            : { goals: 9, tasks: 9, bond: 9 },
      }),
    ),
  ],
  appointments: Array.from({ length: 6 }, (_, i) => appointment(i + 1, true)),
};

/** Cara deteriorates: PHQ-9 12 → 19, answers item 9 at session 6, then misses two sessions. */
export const DETERIORATING_CLIENT = {
  checkIns: [
    ...series("phq-9", [12, 13, 15, 16, 18]),
    checkIn("phq-9", 6, 19, {
      riskItems: [{ linkId: "phq-9-item-9", answer: 1 }],
    }),
  ],
  appointments: [
    ...Array.from({ length: 6 }, (_, i) => appointment(i + 1, true)),
    appointment(7, false),
    appointment(8, false),
  ],
};
