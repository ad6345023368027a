// Simulates cohorts with known truth and prints each signal's sensitivity and specificity
// (issue 6, deliverable 3). Deterministic: fixed seeds. Figures go into docs/signals.md.
import { readFileSync } from "node:fs";
import { DEFAULT_SIGNAL_OPTIONS } from "../src/core/signals/defaults.js";
import { evaluateSignals } from "../src/core/signals/evaluateSignals.js";
import {
  ALLIANCE,
  appointment,
  checkIn,
  PHQ9,
} from "../src/core/signals/fixtures.js";
import type {
  ClientSignalInput,
  RuptureOptions,
  Signal,
  SignalKind,
  SignalParams,
} from "../src/core/signals/types.js";
import { parseTrajectoryModel } from "../src/core/stats/parseTrajectoryModel.js";
import {
  mulberry32,
  normalSampler,
  type Uniform,
} from "../src/core/stats/prng.js";

const N = 1000; // clients per class
const SESSIONS = 8;
const PHQ_SD = 6 / (1.96 * Math.SQRT2); // measurement SE implied by the PHQ-9 RCI of 6 (3.1)
const ALLIANCE_NOISE_SD = 1.5; // calibration assumption: session-to-session alliance noise on a 0–40 total

const stored = JSON.parse(
  readFileSync(
    new URL("../models/reference-trajectory.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;
const phqModel = parseTrajectoryModel(stored["phq-9"]);

function params(
  rupture: RuptureOptions = DEFAULT_SIGNAL_OPTIONS.rupture,
  sdFloor = ALLIANCE_NOISE_SD,
): SignalParams {
  return {
    instruments: {
      "phq-9": { ...PHQ9, trajectoryModel: phqModel },
      "rapport-alliance": { ...ALLIANCE, sdFloor },
    },
    options: { ...DEFAULT_SIGNAL_OPTIONS, rupture },
  };
}

const clip = (x: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Math.round(x)));
const between = (u: Uniform, lo: number, hi: number) => lo + (hi - lo) * u();

type OutcomeClass = "improving" | "stable" | "deteriorating";

/** PHQ-9 series: true(s) = intake − Δ·ln s / ln 8, observed with the RCI-implied measurement error. */
function outcomeClient(
  kind: OutcomeClass,
  u: Uniform,
  z: () => number,
): ClientSignalInput {
  const intake =
    kind === "deteriorating" ? between(u, 12, 18) : between(u, 14, 20);
  const delta =
    kind === "improving"
      ? between(u, 11, 14)
      : kind === "deteriorating"
        ? -between(u, 7, 10)
        : 0;
  const checkIns = Array.from({ length: SESSIONS }, (_, i) => {
    const s = i + 1;
    const truth = intake - (delta * Math.log(s)) / Math.log(SESSIONS);
    return checkIn(
      "phq-9",
      s,
      clip(s === 1 ? intake : truth + PHQ_SD * z(), 0, 27),
    );
  });
  return { checkIns, appointments: [] };
}

type AllianceClass = "stable" | "v-shape" | "unrepaired";

/** Alliance series on 0–40: person mean ~ N(33, 3) capped at 38, a dip of `depth` at session r. */
function allianceClient(
  kind: AllianceClass,
  depth: number,
  u: Uniform,
  z: () => number,
) {
  const mean = Math.min(38, 33 + 3 * z());
  const onset = 5 + Math.floor(u() * 4);
  const dip = (s: number) =>
    kind === "stable" || s < onset
      ? 0
      : s === onset
        ? depth
        : kind === "unrepaired"
          ? depth
          : s === onset + 1
            ? depth / 2
            : 0;
  const checkIns = Array.from({ length: 10 }, (_, i) =>
    checkIn(
      "rapport-alliance",
      i + 1,
      clip(mean - dip(i + 1) + ALLIANCE_NOISE_SD * z(), 0, 40),
    ),
  );
  return { input: { checkIns, appointments: [] }, onset };
}

interface Counts {
  tp: number;
  fn: number;
  tn: number;
  fp: number;
}

const pct = (a: number, b: number) =>
  b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`;
const has = (signals: readonly Signal[], kind: SignalKind) =>
  signals.some((s) => s.kind === kind);

function tally(
  positives: readonly boolean[],
  negatives: readonly boolean[],
): Counts {
  const tp = positives.filter(Boolean).length;
  const fp = negatives.filter(Boolean).length;
  return { tp, fn: positives.length - tp, fp, tn: negatives.length - fp };
}

function row(
  signal: string,
  positive: string,
  negative: string,
  c: Counts,
): string {
  return `| ${signal} | ${positive} | ${negative} | ${pct(c.tp, c.tp + c.fn)} | ${pct(c.tn, c.tn + c.fp)} |`;
}

function outcomeRows(): string[] {
  const u = mulberry32(101);
  const z = normalSampler(u);
  const classes: OutcomeClass[] = ["improving", "stable", "deteriorating"];
  const results = Object.fromEntries(
    classes.map((k) => [
      k,
      Array.from({ length: N }, () =>
        evaluateSignals(outcomeClient(k, u, z), params()),
      ),
    ]),
  ) as Record<OutcomeClass, Signal[][]>;
  const fired = (k: OutcomeClass, kind: SignalKind) =>
    results[k].map((s) => has(s, kind));
  return [
    row(
      "reliable-improvement",
      "improving",
      "stable + deteriorating",
      tally(fired("improving", "reliable-improvement"), [
        ...fired("stable", "reliable-improvement"),
        ...fired("deteriorating", "reliable-improvement"),
      ]),
    ),
    row(
      "reliable-deterioration",
      "deteriorating",
      "improving + stable",
      tally(fired("deteriorating", "reliable-deterioration"), [
        ...fired("improving", "reliable-deterioration"),
        ...fired("stable", "reliable-deterioration"),
      ]),
    ),
    row(
      "recovery",
      "improving (true last < 10)",
      "stable + deteriorating",
      tally(fired("improving", "recovery"), [
        ...fired("stable", "recovery"),
        ...fired("deteriorating", "recovery"),
      ]),
    ),
    row(
      "plateau (k = 6)",
      "stable",
      "improving",
      tally(fired("stable", "plateau"), fired("improving", "plateau")),
    ),
    row(
      "not-on-track (yellow or red)",
      "stable + deteriorating",
      "improving",
      tally(
        [
          ...fired("stable", "not-on-track"),
          ...fired("deteriorating", "not-on-track"),
        ],
        fired("improving", "not-on-track"),
      ),
    ),
    row(
      "not-on-track: stable only",
      "stable",
      "improving",
      tally(
        fired("stable", "not-on-track"),
        fired("improving", "not-on-track"),
      ),
    ),
  ];
}

function ruptureRows(
  depth: number,
  mode: RuptureOptions["mode"],
  sdFloor: number,
): string[] {
  const u = mulberry32(202 + depth);
  const z = normalSampler(u);
  const p = params({ ...DEFAULT_SIGNAL_OPTIONS.rupture, mode }, sdFloor);
  const run = (kind: AllianceClass) =>
    Array.from({ length: N }, () => {
      const { input, onset } = allianceClient(kind, depth, u, z);
      const ruptures = evaluateSignals(input, p).filter(
        (s) => s.kind === "rupture",
      );
      const atOnset = ruptures.find(
        (s) => s.sessionIndex >= onset && s.sessionIndex <= onset + 1,
      );
      return {
        any: ruptures.length > 0,
        atOnset,
        repair: atOnset?.evidence.repair,
      };
    });
  const [stable, vShape, unrepaired] = [
    run("stable"),
    run("v-shape"),
    run("unrepaired"),
  ];
  const label = `rupture, ${mode}, dip ${depth}, floor ${sdFloor}`;
  const repairedRight = vShape.filter((r) => r.repair === "repaired").length;
  const unrepairedRight = unrepaired.filter(
    (r) => r.repair === "unrepaired",
  ).length;
  return [
    row(
      label,
      "V-shape (dip, back in 2)",
      "stable",
      tally(
        vShape.map((r) => r.atOnset !== undefined),
        stable.map((r) => r.any),
      ),
    ),
    row(
      `${label}`,
      "lasting drop",
      "stable",
      tally(
        unrepaired.map((r) => r.atOnset !== undefined),
        stable.map((r) => r.any),
      ),
    ),
    `| ↳ repair status right | V-shapes called repaired: ${pct(repairedRight, vShape.filter((r) => r.atOnset).length)} | lasting drops called unrepaired: ${pct(unrepairedRight, unrepaired.filter((r) => r.atOnset).length)} | | |`,
  ];
}

function disengagementRows(): string[] {
  const u = mulberry32(303);
  const client = (disengaged: boolean): ClientSignalInput => {
    const appointments = Array.from({ length: 10 }, (_, i) =>
      appointment(i + 1, disengaged && i >= 8 ? false : u() >= 0.15),
    );
    return {
      checkIns: [],
      appointments: appointments.map((a) => ({ ...a, checkInExpected: false })),
    };
  };
  const fired = (d: boolean) =>
    Array.from({ length: N }, () =>
      has(evaluateSignals(client(d), params()), "disengagement"),
    );
  return [
    row(
      "disengagement (n = 2)",
      "last 2 missed",
      "15% random no-shows",
      tally(fired(true), fired(false)),
    ),
  ];
}

const lines = [
  `Calibration: ${N} simulated clients per class; PHQ-9 over ${SESSIONS} sessions against the bundled reference model; alliance over 10 sessions (within-person noise SD ${ALLIANCE_NOISE_SD}; SD floor as labelled).`,
  "",
  "| Signal | Positive class (truth) | Negative class (truth) | Sensitivity | Specificity |",
  "|---|---|---|---|---|",
  ...outcomeRows(),
  ...[3, 6].flatMap((depth) =>
    (["sensitive", "strict"] as const).flatMap((mode) =>
      ruptureRows(depth, mode, ALLIANCE_NOISE_SD),
    ),
  ),
  ...(["sensitive", "strict"] as const).flatMap((mode) =>
    ruptureRows(6, mode, 1),
  ),
  ...disengagementRows(),
  "| risk | any non-zero risk answer | zero answers | 100% by construction | 100% by construction |",
];
process.stdout.write(`${lines.join("\n")}\n`);
