import type { TrajectoryModel } from "./trajectoryModel.js";

type Json = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function num(record: Json, key: string): number {
  const value = record[key];
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new TypeError(`trajectory model: ${key} must be a finite number`);
  return value;
}

function obj(record: Json, key: string): Json {
  const value = record[key];
  if (!isRecord(value))
    throw new TypeError(`trajectory model: ${key} must be an object`);
  return value;
}

function matrix4(value: unknown): number[][] {
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    value.every(
      (row) =>
        Array.isArray(row) &&
        row.length === 4 &&
        row.every((x) => typeof x === "number"),
    );
  if (!ok)
    throw new TypeError(
      "trajectory model: fixedEffectCovariance must be a 4×4 number matrix",
    );
  return value as number[][];
}

/**
 * Checks a stored model (e.g. one entry of models/reference-trajectory.json) and returns it typed;
 * a malformed file is a programmer or deployment error, so it throws.
 * @example
 * parseTrajectoryModel(JSON.parse(text)["phq-9"]).source; // "reference model, not fitted to your clinic (simulated cohort)"
 */
export function parseTrajectoryModel(value: unknown): TrajectoryModel {
  if (!isRecord(value))
    throw new TypeError("trajectory model must be an object");
  const f = obj(value, "fixedEffects");
  const r = obj(value, "randomEffects");
  const text = (key: string): string => {
    const v = value[key];
    if (typeof v !== "string" || v === "")
      throw new TypeError(
        `trajectory model: ${key} must be a non-empty string`,
      );
    return v;
  };
  const method = text("method");
  if (method !== "REML" && method !== "ML")
    throw new TypeError("trajectory model: method must be REML or ML");
  return {
    instrumentId: text("instrumentId"),
    fixedEffects: {
      intercept: num(f, "intercept"),
      intake: num(f, "intake"),
      lnSession: num(f, "lnSession"),
      intakeByLnSession: num(f, "intakeByLnSession"),
    },
    fixedEffectCovariance: matrix4(value.fixedEffectCovariance),
    randomEffects: {
      tau00: num(r, "tau00"),
      tau01: num(r, "tau01"),
      tau11: num(r, "tau11"),
    },
    residualVariance: num(value, "residualVariance"),
    method,
    nClients: num(value, "nClients"),
    nObservations: num(value, "nObservations"),
    minSession: num(value, "minSession"),
    maxSession: num(value, "maxSession"),
    converged: value.converged === true,
    source: text("source"),
  };
}
