import { mulberry32, normalSampler } from "./prng.js";
import type { ClientTrajectory } from "./trajectoryModel.js";

/** A subgroup whose mean ln(session) slope is shifted, e.g. the clients who deteriorate. */
export interface SlopeSubgroup {
  readonly share: number;
  readonly slopeShift: number;
}

/** Generating parameters of a simulated cohort; every field is documented where a cohort is defined. */
export interface TrajectoryGeneratingParameters {
  readonly intakeMean: number;
  readonly intakeSd: number;
  readonly gamma00: number;
  readonly gamma01: number;
  readonly gamma10: number;
  readonly gamma11: number;
  readonly tau00: number;
  readonly tau01: number;
  readonly tau11: number;
  readonly sigma2: number;
  readonly subgroups: readonly SlopeSubgroup[];
  readonly minSessions: number;
  readonly maxSessions: number;
  /** Clip and round to the instrument's range (realistic); leave undefined for exact model data. */
  readonly scale?: { readonly min: number; readonly max: number };
}

function onScale(
  value: number,
  scale: TrajectoryGeneratingParameters["scale"],
): number {
  if (scale === undefined) return value;
  return Math.min(scale.max, Math.max(scale.min, Math.round(value)));
}

function pickShift(u: number, subgroups: readonly SlopeSubgroup[]): number {
  let cumulative = 0;
  for (const group of subgroups) {
    cumulative += group.share;
    if (u < cumulative) return group.slopeShift;
  }
  return 0;
}

/**
 * Simulates a cohort from the trajectory model of clinical-facts 3.3 (seeded, so runs repeat).
 * Random effects (u0, u1) are drawn through the Cholesky factor of T = [[τ00, τ01], [τ01, τ11]].
 * @example
 * simulateTrajectories(params, 500, 7).length; // 500 clients, identical on every run with seed 7
 */
export function simulateTrajectories(
  params: TrajectoryGeneratingParameters,
  nClients: number,
  seed: number,
): ClientTrajectory[] {
  const uniform = mulberry32(seed);
  const z = normalSampler(uniform);
  const l11 = Math.sqrt(params.tau00);
  const l21 = l11 > 0 ? params.tau01 / l11 : 0;
  const l22 = Math.sqrt(Math.max(params.tau11 - l21 * l21, 0));
  const sigma = Math.sqrt(params.sigma2);
  return Array.from({ length: nClients }, () => {
    const intake = onScale(
      params.intakeMean + params.intakeSd * z(),
      params.scale,
    );
    const z1 = z();
    const u0 = l11 * z1;
    const u1 = l21 * z1 + l22 * z();
    const shift = pickShift(uniform(), params.subgroups);
    const sessions =
      params.minSessions +
      Math.floor(uniform() * (params.maxSessions - params.minSessions + 1));
    const scores = [];
    for (let t = 2; t <= sessions; t++) {
      const lt = Math.log(t);
      const mean =
        params.gamma00 +
        params.gamma01 * intake +
        (params.gamma10 + shift + params.gamma11 * intake) * lt;
      scores.push({
        session: t,
        score: onScale(mean + u0 + u1 * lt + sigma * z(), params.scale),
      });
    }
    return { intake, scores };
  });
}
