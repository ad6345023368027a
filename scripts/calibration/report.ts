// The calibration report (markdown) that `npm run calibrate:signals` prints and docs/signals.md
// quotes: what each signal rule flags in the simulated cohorts of ./cohorts.ts, run with the
// shipped settings (bundled packs' parameters, reference model, DEFAULT_SIGNAL_OPTIONS).
import { DEFAULT_SIGNAL_OPTIONS } from "../../src/core/signals/defaults.js";
import { disengagementSignals } from "../../src/core/signals/disengagement.js";
import { evaluateSignals } from "../../src/core/signals/evaluateSignals.js";
import { noImprovementSignals } from "../../src/core/signals/noImprovement.js";
import type {
  ScoredCheckIn,
  Signal,
  SignalKind,
  SignalOptions,
} from "../../src/core/signals/types.js";
import { mulberry32, normalSampler } from "../../src/core/stats/prng.js";
import {
  ALLIANCE,
  ALLIANCE_DIPS,
  ALLIANCE_NOISE,
  allianceClient,
  CLASS_TEXT,
  disengagementClient,
  N,
  OUTCOME_CLASSES,
  outcomeSeries,
  PHQ9,
  PHQ_NOISE,
  SESSIONS,
  SHARE_NOISE,
  type AllianceClass,
  type OutcomeClass,
} from "./cohorts.js";

const K_VALUES = [4, 6, 8];

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

const has = (signals: readonly Signal[], kind: SignalKind) =>
  signals.some((s) => s.kind === kind);
const pct = (a: number, b: number) =>
  b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`;
const share = (flags: readonly boolean[]) =>
  pct(flags.filter(Boolean).length, flags.length);

interface OutcomeRun {
  /** Signals at the end of the course (first vs last). */
  final: Signal[];
  /** Kinds raised at any evaluation along the way, as the server evaluates after each check-in. */
  ever: Set<SignalKind>;
  /** Whether no-improvement was raised at some point, by k. */
  noImprovementBy: Map<number, boolean>;
}

function run(series: readonly ScoredCheckIn[]): OutcomeRun {
  const ever = new Set<SignalKind>();
  const noImprovementBy = new Map(K_VALUES.map((k) => [k, false]));
  let final: Signal[] = [];
  for (let n = 2; n <= series.length; n++) {
    const prefix = { checkIns: series.slice(0, n), appointments: [] };
    final = evaluate(prefix.checkIns);
    final.forEach((s) => ever.add(s.kind));
    for (const k of K_VALUES)
      if (noImprovementSignals(prefix, PHQ9, k).length > 0)
        noImprovementBy.set(k, true);
  }
  return { final, ever, noImprovementBy };
}

function outcomeRuns(noise: number): Record<OutcomeClass, OutcomeRun[]> {
  const u = mulberry32(101 + Math.round(noise * 10));
  const z = normalSampler(u);
  return Object.fromEntries(
    OUTCOME_CLASSES.map((k) => [
      k,
      Array.from({ length: N }, () =>
        run(outcomeSeries(k, noise, u, z).checkIns),
      ),
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
const noImprovement =
  (k: number): Probe =>
  (r) =>
    r.noImprovementBy.get(k) === true;

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
    probe: noImprovement(6),
    positive: ["stable"],
    negative: ["improving"],
  },
];

function outcomeTable(
  runs: ReadonlyMap<number, Record<OutcomeClass, OutcomeRun[]>>,
): string[] {
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

function shareTable(runs: Record<OutcomeClass, OutcomeRun[]>): string[] {
  const rows: [string, Probe][] = [
    ["not-on-track, yellow or red", ever("not-on-track")],
    ...K_VALUES.map((k): [string, Probe] => [
      `no-improvement, k = ${k}${k === DEFAULT_SIGNAL_OPTIONS.noImprovement.bySession ? " (default)" : ""}`,
      noImprovement(k),
    ]),
    [
      "not-on-track or no-improvement (k = 6)",
      (r) => r.ever.has("not-on-track") || noImprovement(6)(r),
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

function ruptureRow(
  depth: number,
  noise: number,
  mode: "sensitive" | "strict",
): string {
  const u = mulberry32(202 + depth * 10 + Math.round(noise * 100));
  const z = normalSampler(u);
  const options = { rupture: { ...DEFAULT_SIGNAL_OPTIONS.rupture, mode } };
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
  return `| ${mode}${shippedMode ? " (default)" : ""} | ${depth} | ${noise} | ${found(vShape)} | ${found(lasting)} | ${spec} | ${repaired(vShape, "repaired")} / ${repaired(lasting, "unrepaired")} |`;
}

function ruptureTable(): string[] {
  return [
    `| Mode | Dip (points) | Noise SD | Sensitivity, V-shape (back within 2) | Sensitivity, lasting drop | Specificity (stable clients never flagged over 10 check-ins) | Repair status right: V-shapes repaired / lasting unrepaired |`,
    "|---|---|---|---|---|---|---|",
    ...ALLIANCE_DIPS.flatMap((depth) =>
      ALLIANCE_NOISE.flatMap((noise) =>
        (["strict", "sensitive"] as const).map((mode) =>
          ruptureRow(depth, noise, mode),
        ),
      ),
    ),
  ];
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

/** The whole report, deterministic (fixed seeds). */
export function calibrationReport(): string {
  const runs = new Map(PHQ_NOISE.map((noise) => [noise, outcomeRuns(noise)]));
  const lines = [
    `Calibration: ${N} simulated clients per class, seeds fixed; shipped pack parameters, reference model and defaults.`,
    "",
    `PHQ-9 over ${SESSIONS} sessions; every score, the intake included, = round(true + N(0, SD²)) clipped to 0–27, SD an assumption (${PHQ_NOISE.join(", ")}).`,
    "",
    ...outcomeTable(runs),
    "",
    ...shareTable(runs.get(SHARE_NOISE)!),
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
  return `${lines.join("\n")}\n`;
}
