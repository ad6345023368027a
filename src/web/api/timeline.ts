// A client's signals (good news included) and the expected-trajectory band of an outcome measure.
import { api, query } from "./http";

export interface Signal {
  kind: string;
  severity: string;
  causeKey: string;
  instrumentId: string | null;
  sessionIndex: number;
  at: string;
  rule: string;
  explanation: string;
  evidence: Record<string, unknown>;
}

export interface Signals {
  items: Signal[];
  /** Per outcome instrument: which model draws the band, in words. */
  trajectoryModels: Record<string, string>;
}

export interface BandRange {
  lower: number;
  upper: number;
}

export interface Trajectory {
  instrumentId: string;
  label: string;
  model: "reference" | "fitted";
  levels: { yellow: number; red: number };
  intake: number | null;
  scores: { session: number; total: number; at: string }[];
  points: {
    session: number;
    expected: number;
    yellow: BandRange;
    red: BandRange;
  }[];
  /** The instrument's total range; the band is kept within it. */
  range: { min: number; max: number };
  /** True when the model's band reached past the range and was clamped to it. */
  clamped: boolean;
}

const base = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

export const fetchSignals = (clientId: string) =>
  api<Signals>("GET", `${base(clientId)}/signals`);

export const fetchTrajectory = (clientId: string, instrumentId: string) =>
  api<Trajectory>(
    "GET",
    `${base(clientId)}/trajectory${query({ instrumentId })}`,
  );
