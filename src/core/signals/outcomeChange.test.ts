import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkIn, GAD7, PHQ9, series } from "./fixtures.js";
import { recoverySignals, reliableChangeSignals } from "./outcomeChange.js";

const phq = (totals: number[]) => ({
  checkIns: series("phq-9", totals),
  appointments: [],
});

describe("reliableChangeSignals (first vs last, NHS Talking Therapies PHQ-9 ≥ 6)", () => {
  it("flags a 6-point PHQ-9 drop as reliable improvement, 5 points as nothing", () => {
    expect(reliableChangeSignals(phq([18, 15, 12]), PHQ9)).toMatchObject([
      {
        kind: "reliable-improvement",
        severity: "low",
        causeKey: "reliable-improvement:phq-9",
        sessionIndex: 3,
        evidence: { improvement: 6 },
      },
    ]);
    expect(reliableChangeSignals(phq([18, 13]), PHQ9)).toEqual([]);
  });

  it("flags a 6-point rise as reliable deterioration (high)", () => {
    const [signal] = reliableChangeSignals(phq([12, 18]), PHQ9);
    expect(signal).toMatchObject({
      kind: "reliable-deterioration",
      severity: "high",
      evidence: { improvement: -6 },
    });
    expect(signal!.explanation).toBe(
      "PHQ-9 went from 12 (session 1) to 18 (session 2): 6 points worse; rule: a change of at least 6 points is reliable.",
    );
  });

  it("uses GAD-7's 4-point threshold and ignores unscored responses", () => {
    const checkIns = [...series("gad-7", [12, 8]), checkIn("gad-7", 3, null)];
    expect(
      reliableChangeSignals({ checkIns, appointments: [] }, GAD7),
    ).toHaveLength(1);
  });

  it("needs two scores from the same version group", () => {
    expect(reliableChangeSignals(phq([18]), PHQ9)).toEqual([]);
    const checkIns = [
      checkIn("phq-9", 1, 20),
      checkIn("phq-9", 2, 10, { instrumentVersion: "2" }),
    ];
    expect(reliableChangeSignals({ checkIns, appointments: [] }, PHQ9)).toEqual(
      [],
    );
  });

  it("is a reliable improvement exactly when the drop is at least 6 points", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 0, max: 27 }),
        (a, b) => {
          const kinds = reliableChangeSignals(phq([a, b]), PHQ9).map(
            (s) => s.kind,
          );
          expect(kinds.includes("reliable-improvement")).toBe(a - b >= 6);
          expect(kinds.includes("reliable-deterioration")).toBe(b - a >= 6);
        },
      ),
    );
  });
});

describe("recoverySignals (caseness PHQ-9 ≥ 10)", () => {
  it("calls 15 → 7 a reliable recovery and 11 → 9 a recovery without reliable change", () => {
    expect(recoverySignals(phq([15, 7]), PHQ9)).toMatchObject([
      {
        kind: "recovery",
        rule: "recovery.reliable",
        evidence: { reliable: true },
      },
    ]);
    expect(recoverySignals(phq([11, 9]), PHQ9)).toMatchObject([
      { rule: "recovery.caseness", evidence: { reliable: false } },
    ]);
  });

  it("needs caseness at the start and none at the end", () => {
    expect(recoverySignals(phq([9, 3]), PHQ9)).toEqual([]);
    expect(recoverySignals(phq([20, 10]), PHQ9)).toEqual([]);
  });
});
