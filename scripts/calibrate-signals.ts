// Simulates cohorts with known truth and prints what each signal rule flags (issue 6, deliverable
// 3; issue 14, item 14). Deterministic: fixed seeds. Figures go into docs/signals.md.
//
// Rules run with the shipped settings: the bundled packs' parameters (signalParamsFromPack: PHQ-9
// caseness and reliable change, the alliance check-in's SD floor and 0–10 scale), the bundled
// reference trajectory model and DEFAULT_SIGNAL_OPTIONS. Every score, the intake included, carries
// measurement error, and the error is an assumption swept over several levels, never derived from
// a threshold the run tests.
import { readFileSync } from "node:fs";
import { bundledPack } from "../src/core/instruments/bundled.js";
import { DEFAULT_SIGNAL_OPTIONS } from "../src/core/signals/defaults.js";
import { disengagementSignals } from "../src/core/signals/disengagement.js";
import { evaluateSignals } from "../src/core/signals/evaluateSignals.js";
import { appointment, checkIn } from "../src/core/signals/fixtures.js";
import { signalParamsFromPack } from "../src/core/signals/fromPack.js";
import type {
  ClientSignalInput,
  InstrumentSignalParams,
  ScoredCheckIn,
  Signal,
  SignalKind,
  SignalOptions,
} from "../src/core/signals/types.js";
import { parseTrajectoryModel } from "../src/core/stats/parseTrajectoryModel.js";
import {
  mulberry32,
  normalSampler,
  type Uniform,
} from "../src/core/stats/prng.js";

const N = 1000; // clients per class
const SESSIONS = 8;
/** PHQ-9 session-to-session measurement error (SD, points): assumptions, not derived from any rule. */
const PHQ_NOISE = [1.5, 2.5, 3.5];
const SHARE_NOISE = 2.5; // the level the share-flagged table uses
/** Alliance check-in (0–10 mean of four items) within-person noise SD: assumptions. */
const ALLIANCE_NOISE = [0.5, 0.75];
const ALLIANCE_DIPS = [1, 2];

const stored = JSON.parse(
  readFileSync(
    new URL("../models/reference-trajectory.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

function shipped(id: string): InstrumentSignalParams {
  const pack = bundledPack(id);
  const model =
    id === "phq-9" ? parseTrajectoryModel(stored["phq-9"]) : undefined;
  const params = pack && signalParamsFromPack(pack, model);
  if (!params) throw new Error(`no signal parameters for ${id}`);
  return params;
}
const PHQ9 = shipped("phq-9");
const ALLIANCE = shipped("rapport-alliance");

function evaluate(
  checkIns: readonly ScoredCheckIn[],
  options: Partial<SignalOptions> = {},
): Signal[] {
  return evaluateSignals(
    { checkIns, appointments: [] },
    {
      instruments: { "phq-9": PHQ9, "rapport-alliance": ALLIANCE },
      options: { ...DEFAULT_SIGNAL_OPTIONS, ...options },
    },
  );
}

const round = (x: number, lo: number, hi: number, step = 1) =>
  Math.min(hi, Math.max(lo, Math.round(x / step) * step));
const between = (u: Uniform, lo: number, hi: number) => lo + (hi - lo) * u();
const has = (signals: readonly Signal[], kind: SignalKind) =>
  signals.some((s) => s.kind === kind);
const pct = (a: number, b: number) =>
  b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`;
const share = (flags: readonly boolean[]) =>
  pct(flags.filter(Boolean).length, flags.length);

// ---------------------------------------------------------------------------------------------
// Outcome rules on PHQ-9

type OutcomeClass = "improving" | "slow" | "stable" | "deteriorating";
const OUTCOME_CLASSES: OutcomeClass[] = [
  "improving",
  "slow",
  "stable",
  "deteriorating",
];
const CLASS_TEXT: Record<OutcomeClass, string> = {
  improving: "improving (true drop 11–14, true last < 10)",
  slow: "slow improver (true drop 6–9)",
  stable: "stable (no true change)",
  deteriorating: "deteriorating (true rise 7–10)",
};

/** True(s) = intake − Δ·ln s / ln 8; every observed score, the intake too, = round(true + noise). */
function outcomeSeries(
  kind: OutcomeClass,
  noise: number,
  u: Uniform,
  z: () => number,
): ScoredCheckIn[] {
  const intake =
    kind === "deteriorating" ? between(u, 12, 18) : between(u, 14, 20);
  const delta = {
    improving: between(u, 11, 14),
    slow: between(u, 6, 9),
    stable: 0,
    deteriorating: -between(u, 7, 10),
  }[kind];
  return Array.from({ length: SESSIONS }, (_, i) => {
    const s = i + 1;
    const truth = intake - (delta * Math.log(s)) / Math.log(SESSIONS);
    return checkIn("phq-9", s, round(truth + noise * z(), 0, 27));
  });
}

interface OutcomeRun {
  /** Signals at the end of the course (first vs last). */
  final: Signal[];
  /** Kinds raised at any evaluation along the way, as the server evaluates after each check-in. */
  ever: Set<SignalKind>;
  /** Whether no-improvement was raised at some point with k = 4, 6, 8. */
  noImprovementBy: Record<number, boolean>;
}

function run(series: readonly ScoredCheckIn[]): OutcomeRun {
  const ever = new Set<SignalKind>();
  const noImprovementBy: Record<number, boolean> = {
    4: false,
    6: false,
    8: false,
  };
  let final: Signal[] = [];
  for (let n = 2; n <= series.length; n++) {
    const prefix = series.slice(0, n);
    final = evaluate(prefix);
    final.forEach((s) => ever.add(s.kind));
    for (const k of [4, 6, 8])
      noImprovementBy[k] ||= has(
        evaluate(prefix, { noImprovement: { bySession: k } }),
        "no-improvement",
      );
  }
  return { final, ever, noImprovementBy };
}

function outcomeRuns(noise: number): Record<OutcomeClass, OutcomeRun[]> {
  const u = mulberry32(101 + Math.round(noise * 10));
  const z = normalSampler(u);
  return Object.fromEntries(
    OUTCOME_CLASSES.map((k) => [
      k,
      Array.from({ length: N }, () => run(outcomeSeries(k, noise, u, z))),
    ]),
  ) as Record<OutcomeClass, OutcomeRun[]>;
}

type Probe = (r: OutcomeRun) => boolean;
const atEnd =
  (kind: SignalKind): Probe =>
  (r) =>
    has(r.final, kind);
const ever =
  (kind: SignalKind): Probe =>
  (r) =>
    r.ever.has(kind);

interface Rule {
  label: string;
  probe: Probe;
  positive: OutcomeClass[];
  negative: OutcomeClass[];
}

const RULES: Rule[] = [
  {
    label: "reliable-improvement (at the end)",
    probe: atEnd("reliable-improvement"),
    positive: ["improving"],
    negative: ["stable", "deteriorating"],
  },
  {
    label: "reliable-deterioration (ever raised)",
    probe: ever("reliable-deterioration"),
    positive: ["deteriorating"],
    negative: ["improving", "slow", "stable"],
  },
  {
    label: "recovery (at the end)",
    probe: atEnd("recovery"),
    positive: ["improving"],
    negative: ["stable", "deteriorating"],
  },
  {
    label: "not-on-track, yellow or red (ever raised)",
    probe: ever("not-on-track"),
    positive: ["stable", "deteriorating"],
    negative: ["improving"],
  },
  {
    label: "no-improvement, k = 6 (ever raised)",
    probe: (r) => r.noImprovementBy[6] === true,
    positive: ["stable"],
    negative: ["improving"],
  },
];

function outcomeTable(runs: Map<number, Record<OutcomeClass, OutcomeRun[]>>) {
  const cells = (rule: Rule) =>
    PHQ_NOISE.map((noise) => {
      const r = runs.get(noise)!;
      const flags = (classes: OutcomeClass[]) =>
        classes.flatMap((k) => r[k].map(rule.probe));
      const pos = flags(rule.positive);
      const neg = flags(rule.negative);
      const tp = pos.filter(Boolean).length;
      const fp = neg.filter(Boolean).length;
      return `${pct(tp, pos.length)} / ${pct(neg.length - fp, neg.length)}`;
    });
  return [
    `| Rule | Positive class | Negative class | ${PHQ_NOISE.map((n) => `noise SD ${n}: sens / spec`).join(" | ")} |`,
    `|---|---|---|${PHQ_NOISE.map(() => "---").join("|")}|`,
    ...RULES.map(
      (rule) =>
        `| ${rule.label} | ${rule.positive.join(" + ")} | ${rule.negative.join(" + ")} | ${cells(rule).join(" | ")} |`,
    ),
  ];
}

function shareTable(runs: Record<OutcomeClass, OutcomeRun[]>) {
  const rows: [string, Probe][] = [
    ["not-on-track, yellow or red", ever("not-on-track")],
    ["no-improvement, k = 4", (r) => r.noImprovementBy[4] === true],
    ["no-improvement, k = 6 (default)", (r) => r.noImprovementBy[6] === true],
    ["no-improvement, k = 8", (r) => r.noImprovementBy[8] === true],
    [
      "not-on-track or no-improvement (k = 6)",
      (r) => r.ever.has("not-on-track") || r.noImprovementBy[6] === true,
    ],
    ["reliable-deterioration", ever("reliable-deterioration")],
  ];
  return [
    `| Rule (raised at any check-in of ${SESSIONS}, noise SD ${SHARE_NOISE}) | ${OUTCOME_CLASSES.map((k) => CLASS_TEXT[k]).join(" | ")} |`,
    `|---|${OUTCOME_CLASSES.map(() => "---").join("|")}|`,
    ...rows.map(
      ([label, probe]) =>
        `| ${label} | ${OUTCOME_CLASSES.map((k) => share(runs[k].map(probe))).join(" | ")} |`,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Rupture on the Rapport alliance check-in (0–10 mean of four items, shipped SD floor)

type AllianceClass = "stable" | "v-shape" | "unrepaired";

/** Person mean ~ N(8.25, 0.75) capped at 9.5; a dip of `depth` at session 5–8; totals in 0.25 steps. */
function allianceClient(
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

function ruptureRows(
  depth: number,
  noise: number,
  mode: "sensitive" | "strict",
): string[] {
  const u = mulberry32(202 + depth * 10 + Math.round(noise * 100));
  const z = normalSampler(u);
  const options = {
    rupture: { ...DEFAULT_SIGNAL_OPTIONS.rupture, mode },
  };
  const runClass = (kind: AllianceClass) =>
    Array.from({ length: N }, () => {
      const { checkIns, onset } = allianceClient(kind, depth, noise, u, z);
      const ruptures = evaluate(checkIns, options).filter(
        (s) => s.kind === "rupture",
      );
      const atOnset = ruptures.find(
        (s) => s.sessionIndex >= onset && s.sessionIndex <= onset + 1,
      );
      return { any: ruptures.length > 0, atOnset };
    });
  const [stable, vShape, lasting] = [
    runClass("stable"),
    runClass("v-shape"),
    runClass("unrepaired"),
  ];
  const found = (rs: typeof vShape) =>
    pct(rs.filter((r) => r.atOnset).length, rs.length);
  const repaired = (rs: typeof vShape, status: string) =>
    pct(
      rs.filter((r) => r.atOnset?.evidence.repair === status).length,
      rs.filter((r) => r.atOnset).length,
    );
  const spec = pct(stable.filter((r) => !r.any).length, stable.length);
  const shippedMode = mode === DEFAULT_SIGNAL_OPTIONS.rupture.mode;
  return [
    `| ${mode}${shippedMode ? " (default)" : ""} | ${depth} | ${noise} | ${found(vShape)} | ${found(lasting)} | ${spec} | ${repaired(vShape, "repaired")} / ${repaired(lasting, "unrepaired")} |`,
  ];
}

function ruptureTable(): string[] {
  return [
    `| Mode | Dip (points) | Noise SD | Sensitivity, V-shape (back within 2) | Sensitivity, lasting drop | Specificity (stable clients never flagged over 10 check-ins) | Repair status right: V-shapes repaired / lasting unrepaired |`,
    "|---|---|---|---|---|---|---|",
    ...ALLIANCE_DIPS.flatMap((depth) =>
      ALLIANCE_NOISE.flatMap((noise) =>
        (["strict", "sensitive"] as const).flatMap((mode) =>
          ruptureRows(depth, noise, mode),
        ),
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Disengagement against the check-in schedule

/**
 * Ten weekly sessions, 10% random no-shows; a check-in asked at every second attended session
 * (the schedule), 20% of those unanswered. Disengaged clients miss their last two sessions.
 * `everyAttended` replays the old rule, which expected a check-in at every attended session.
 */
function disengagementClient(
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

function disengagementTable(): string[] {
  const u = mulberry32(303);
  const fired = (disengaged: boolean, everyAttended: boolean) =>
    Array.from(
      { length: N },
      () =>
        disengagementSignals(
          disengagementClient(disengaged, everyAttended, u),
          DEFAULT_SIGNAL_OPTIONS.disengagement.missedInARow,
        ).length > 0,
    );
  const row = (label: string, everyAttended: boolean) =>
    `| ${label} | ${share(fired(true, everyAttended))} | ${share(fired(false, everyAttended))} |`;
  return [
    "| Rule (n = 2 in a row) | Disengaged (last two sessions missed): flagged | Engaged (10% no-shows, 20% of asked check-ins unanswered): flagged |",
    "|---|---|---|",
    row("missed check-in only where one was asked (shipped)", false),
    row("old rule: a check-in expected at every attended session", true),
  ];
}

const outcomeRunsByNoise = new Map(
  PHQ_NOISE.map((noise) => [noise, outcomeRuns(noise)]),
);
const lines = [
  `Calibration: ${N} simulated clients per class, seeds fixed; shipped pack parameters, reference model and defaults.`,
  "",
  `PHQ-9 over ${SESSIONS} sessions; every score, the intake included, = round(true + N(0, SD²)) clipped to 0–27, SD an assumption (${PHQ_NOISE.join(", ")}).`,
  "",
  ...outcomeTable(outcomeRunsByNoise),
  "",
  ...shareTable(outcomeRunsByNoise.get(SHARE_NOISE)!),
  "",
  `Rupture on the Rapport alliance check-in (0–10 mean of four items, SD floor ${ALLIANCE.sdFloor} from the pack), 10 check-ins; person mean N(8.25, 0.75²) capped at 9.5, totals in steps of 0.25.`,
  "",
  ...ruptureTable(),
  "",
  "Disengagement over 10 weekly sessions; the schedule asks for a check-in at every second attended session.",
  "",
  ...disengagementTable(),
  "",
  "Risk: any non-zero answer on a risk item raises the alert whatever the total; 100% / 100% by construction (a deterministic rule, not simulated).",
];
process.stdout.write(`${lines.join("\n")}\n`);
