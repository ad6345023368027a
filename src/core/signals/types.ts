import type { ReliableChangeCriterion } from "../stats/reliableChange.js";
import type { TrajectoryModel } from "../stats/trajectoryModel.js";

/** Same spelling as the instrument engine's scoring spec, so a pack maps across directly. */
export type Direction = "higherIsWorse" | "higherIsBetter";

export type Severity = "critical" | "high" | "medium" | "low";

export type SignalKind =
  | "risk"
  | "rupture"
  | "not-on-track"
  | "reliable-improvement"
  | "reliable-deterioration"
  | "recovery"
  | "no-improvement"
  | "disengagement";

/** One scored check-in (one questionnaire response) of one client. */
export interface ScoredCheckIn {
  /** The session number in this client's episode of care (1 = first session); gaps are allowed. */
  readonly sessionIndex: number;
  /** ISO 8601 timestamp of the response. */
  readonly at: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  /** Null when the response could not be scored (e.g. too many missing items). */
  readonly total: number | null;
  readonly subscales: Readonly<Record<string, number>>;
  /** Triggering answers on the pack's declared risk items (e.g. PHQ-9 item 9; riskAlerts.ts). */
  readonly riskItems: readonly {
    readonly linkId: string;
    readonly answer: number;
  }[];
}

/** One booked session: whether the client came, and whether a check-in was due at it. */
export interface Appointment {
  readonly sessionIndex: number;
  readonly at: string;
  readonly attended: boolean;
  readonly checkInExpected: boolean;
}

/** Everything known about one client, in any order (functions sort by sessionIndex). */
export interface ClientSignalInput {
  readonly checkIns: readonly ScoredCheckIn[];
  readonly appointments: readonly Appointment[];
}

/** The per-instrument facts a pack supplies; a pack's scoring spec maps onto this. */
export interface InstrumentSignalParams {
  readonly instrumentId: string;
  readonly label: string;
  readonly role: "outcome" | "alliance";
  readonly direction: Direction;
  /** Outcome: how much change is reliable (e.g. PHQ-9 6 points, NHS Talking Therapies ⚠). */
  readonly reliableChange?: ReliableChangeCriterion;
  /** Outcome: caseness threshold; clinical when total ≥ value (higherIsWorse) or < value (higherIsBetter). */
  readonly caseness?: number;
  /** Alliance: absolute cut-off; concern when under it in the bad direction (SRS: < 36). */
  readonly cutOff?: number;
  /** Alliance: the smallest SD a baseline may have (pack-specific; required for the rupture rule). */
  readonly sdFloor?: number;
  /** Readable names of subscale ids, e.g. { bond: "bond" }. */
  readonly subscaleLabels?: Readonly<Record<string, string>>;
  /** Groups of versions declared score-compatible; by default each version stands alone. */
  readonly compatibleVersions?: readonly (readonly string[])[];
  /** Outcome: expected-trajectory model for the not-on-track rule. */
  readonly trajectoryModel?: TrajectoryModel;
}

export interface RuptureOptions {
  /** sensitive: drop ≥ 1 SD; strict: drop ≥ 2 SD (clinical-facts 4.3). */
  readonly mode: "sensitive" | "strict";
  /** Earlier check-ins needed before the baseline rule applies (design choice). */
  readonly minBaselineCheckIns: number;
  /** A rupture is repaired when the score returns to baseline within this many sessions (4.3: three). */
  readonly repairWindowSessions: number;
}

export interface SignalOptions {
  readonly rupture: RuptureOptions;
  /** One-sided band levels for not-on-track: yellow (medium) and red (high). */
  readonly notOnTrack: {
    readonly yellowLevel: number;
    readonly redLevel: number;
  };
  /** No improvement: no reliable improvement by this session of care (organisation setting; default a design choice). */
  readonly noImprovement: { readonly bySession: number };
  /** Disengagement: this many no-shows or missed check-ins in a row (design choice). */
  readonly disengagement: { readonly missedInARow: number };
}

export interface SignalParams {
  readonly instruments: Readonly<Record<string, InstrumentSignalParams>>;
  readonly options: SignalOptions;
}

export type EvidenceValue = number | string | boolean | null;

/** Something a therapist must not miss, with the numbers and the rule that produced it. */
export interface Signal {
  readonly kind: SignalKind;
  readonly severity: Severity;
  /** Stable identity of the cause: the same condition yields the same key on every evaluation. */
  readonly causeKey: string;
  readonly instrumentId: string | null;
  /** The session of the check-in or appointment that triggered the signal. */
  readonly sessionIndex: number;
  readonly at: string;
  /** Short id of the rule, e.g. "rupture.baseline-drop". */
  readonly rule: string;
  readonly explanation: string;
  readonly evidence: Readonly<Record<string, EvidenceValue>>;
}
