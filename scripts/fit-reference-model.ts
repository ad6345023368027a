// Fits the bundled reference trajectory models for PHQ-9 and GAD-7 to simulated cohorts and writes
// models/reference-trajectory.json. No public session-by-session data set is available, so the
// cohorts are simulated from parameters chosen to reproduce published NHS Talking Therapies figures
// (clinical-facts.md 3.2); every parameter below says where it comes from. Deterministic: fixed seeds.
import { writeFileSync } from "node:fs";
import {
  simulateTrajectories,
  type TrajectoryGeneratingParameters,
} from "../src/core/stats/simulateTrajectories.js";
import {
  fitTrajectoryModel,
  type ClientTrajectory,
} from "../src/core/stats/trajectoryModel.js";

const SOURCE = "reference model, not fitted to your clinic (simulated cohort)";
const N_CLIENTS = 2000;

interface Cohort {
  readonly instrumentId: "phq-9" | "gad-7";
  readonly seed: number;
  readonly caseness: number;
  readonly reliableChange: number;
  readonly parameters: TrajectoryGeneratingParameters;
  readonly provenance: Readonly<Record<string, string>>;
}

/** Residual SD = the measurement SE implied by a points RCI: RC = 1.96·√2·SE (clinical-facts 3.1). */
const residualVariance = (rc: number): number =>
  (rc / (1.96 * Math.SQRT2)) ** 2;

const SHARED_PROVENANCE = {
  gamma00_gamma01_gamma11:
    "design choice: scores start from the intake (γ00 = 0, γ01 = 1) and change does not depend on intake (γ11 = 0); clinical-facts gives no intake-by-change figure for PHQ-9/GAD-7",
  sigma2:
    "residual SD = the measurement SE implied by the NHS Talking Therapies reliable-change threshold, RC = 1.96·√2·SE (3.1, 3.2 ⚠)",
  tau00_tau01: "design choice: τ00 = 1, τ01 = 0",
  gamma10_tau11_subgroups:
    "tuned by hand so the simulated first-vs-last rates match the targets below (recovery 51.6%, reliable improvement 69.1%: NHS England Dec 2020 / June 2020, 3.2 ✔; deterioration 5–10% of adult clients: Hannan et al. 2005 via 3.3 ✔); 7.5% of clients are a deteriorating subgroup",
  sessions:
    "design choice: 4–12 sessions per client, uniformly (NHS Talking Therapies counts a finished course from 2 attended sessions, 3.2)",
  scale: "scores rounded and clipped to the instrument's range",
};

const COHORTS: readonly Cohort[] = [
  {
    instrumentId: "phq-9",
    seed: 9,
    caseness: 10,
    reliableChange: 6,
    parameters: {
      intakeMean: 17.2,
      intakeSd: 5,
      gamma00: 0,
      gamma01: 1,
      gamma10: -4.4,
      gamma11: 0,
      tau00: 1,
      tau01: 0,
      tau11: 3.5,
      sigma2: residualVariance(6),
      subgroups: [{ share: 0.075, slopeShift: 10 }],
      minSessions: 4,
      maxSessions: 12,
      scale: { min: 0, max: 27 },
    },
    provenance: {
      ...SHARED_PROVENANCE,
      intake:
        "mean chosen so that ~6.1% start below caseness (2,957 of 48,111 not at caseness, NHS England Dec 2020, 3.2 ✔; that figure is for the PHQ-9/GAD-7 pair, used here per measure ⚠); SD 5 is a design choice",
    },
  },
  {
    instrumentId: "gad-7",
    seed: 7,
    caseness: 8,
    reliableChange: 4,
    parameters: {
      intakeMean: 13.2,
      intakeSd: 3.5,
      gamma00: 0,
      gamma01: 1,
      gamma10: -3,
      gamma11: 0,
      tau00: 1,
      tau01: 0,
      tau11: 2.5,
      sigma2: residualVariance(4),
      subgroups: [{ share: 0.075, slopeShift: 8 }],
      minSessions: 4,
      maxSessions: 12,
      scale: { min: 0, max: 21 },
    },
    provenance: {
      ...SHARED_PROVENANCE,
      intake:
        "mean chosen so that ~5–6% start below caseness (target 6.1%, NHS England Dec 2020, 3.2 ✔, pair figure used per measure ⚠); SD 3.5 is a design choice",
    },
  },
];

/** First-vs-last rates of a simulated cohort, computed as NHS Talking Therapies does (3.2). */
function achievedRates(
  clients: readonly ClientTrajectory[],
  caseness: number,
  rc: number,
) {
  const lasts = clients.map((c) => ({
    intake: c.intake,
    last: c.scores.at(-1)!.score,
  }));
  const cases = lasts.filter((c) => c.intake >= caseness);
  const share = (n: number, d: number) => Math.round((1000 * n) / d) / 10;
  return {
    notAtCasenessAtIntakePercent: share(
      lasts.length - cases.length,
      lasts.length,
    ),
    recoveryPercent: share(
      cases.filter((c) => c.last < caseness).length,
      cases.length,
    ),
    reliableImprovementPercent: share(
      lasts.filter((c) => c.intake - c.last >= rc).length,
      lasts.length,
    ),
    reliableDeteriorationPercent: share(
      lasts.filter((c) => c.last - c.intake >= rc).length,
      lasts.length,
    ),
  };
}

function fitCohort(cohort: Cohort) {
  const clients = simulateTrajectories(
    cohort.parameters,
    N_CLIENTS,
    cohort.seed,
  );
  const model = fitTrajectoryModel(cohort.instrumentId, clients, SOURCE);
  return {
    ...model,
    n: model.nClients,
    generatingParameters: {
      ...cohort.parameters,
      seed: cohort.seed,
      nClients: N_CLIENTS,
      provenance: cohort.provenance,
    },
    targets: {
      notAtCasenessAtIntakePercent: 6.1,
      recoveryPercent: 51.6,
      reliableImprovementPercent: 69.1,
      reliableDeteriorationPercent: "5–10",
    },
    achieved: achievedRates(clients, cohort.caseness, cohort.reliableChange),
  };
}

const models = Object.fromEntries(
  COHORTS.map((c) => [c.instrumentId, fitCohort(c)]),
);
const output = {
  note: "Reference expected-trajectory models (clinical-facts 3.3). Fitted to simulated cohorts whose generating parameters are listed with their sources; not fitted to any clinic. Regenerate with `npm run fit:reference`.",
  ...models,
};
writeFileSync(
  new URL("../models/reference-trajectory.json", import.meta.url),
  `${JSON.stringify(output, null, 2)}\n`,
);
for (const [id, m] of Object.entries(models)) {
  process.stdout.write(
    `${id}: n=${m.n} converged=${m.converged} fixed=${JSON.stringify(m.fixedEffects)} achieved=${JSON.stringify(m.achieved)}\n`,
  );
}
