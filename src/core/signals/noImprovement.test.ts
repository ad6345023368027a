import { describe, expect, it } from "vitest";
import { checkIn, PHQ9, series } from "./fixtures.js";
import { noImprovementSignals } from "./noImprovement.js";
import { notOnTrackSignals } from "./notOnTrack.js";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import { referenceModels } from "./referenceModels.js";

const phq = (totals: number[]) => ({
  checkIns: series("phq-9", totals),
  appointments: [],
});

describe("noImprovementSignals (no reliable improvement by session k)", () => {
  it("flags 16 → 14 at session 6 but not at session 5", () => {
    expect(
      noImprovementSignals(phq([16, 15, 15, 14, 14, 14]), PHQ9, 6),
    ).toMatchObject([
      {
        kind: "no-improvement",
        severity: "medium",
        causeKey: "no-improvement:phq-9",
        rule: "no-improvement.by-session",
        evidence: { session: 6, improvement: 2, bySession: 6, caseness: 10 },
      },
    ]);
    expect(noImprovementSignals(phq([16, 15, 15, 14, 14]), PHQ9, 6)).toEqual(
      [],
    );
  });

  it("takes the organisation's k", () => {
    expect(noImprovementSignals(phq([16, 15, 15, 14]), PHQ9, 4)).toHaveLength(
      1,
    );
    expect(
      noImprovementSignals(phq([16, 15, 15, 14, 14, 14]), PHQ9, 8),
    ).toEqual([]);
  });

  it("stays silent after reliable improvement or deterioration", () => {
    expect(
      noImprovementSignals(phq([16, 15, 14, 12, 11, 10]), PHQ9, 6),
    ).toEqual([]);
    expect(
      noImprovementSignals(phq([10, 12, 13, 14, 15, 16]), PHQ9, 6),
    ).toEqual([]);
  });

  it("leaves out a client below caseness at intake (design choice)", () => {
    expect(noImprovementSignals(phq([8, 8, 7, 8, 7, 7]), PHQ9, 6)).toEqual([]);
    const noCaseness = { ...PHQ9, caseness: undefined };
    expect(
      noImprovementSignals(phq([8, 8, 7, 8, 7, 7]), noCaseness, 6),
    ).toHaveLength(1);
  });

  it("counts sessions from the intake, across gaps", () => {
    const checkIns = [checkIn("phq-9", 3, 16), checkIn("phq-9", 8, 15)];
    expect(
      noImprovementSignals({ checkIns, appointments: [] }, PHQ9, 6)[0]!.evidence
        .session,
    ).toBe(6);
  });

  it("flags the stable client not-on-track misses: PHQ-9 18 at intake and at session 8", () => {
    const stable = phq([18, 18, 17, 18, 18, 17, 18, 18]);
    const params = {
      ...PHQ9,
      trajectoryModel: referenceModels().get("phq-9")!,
    };
    expect(
      notOnTrackSignals(stable, params, DEFAULT_SIGNAL_OPTIONS.notOnTrack),
    ).toEqual([]);
    expect(noImprovementSignals(stable, params, 6)).toMatchObject([
      { kind: "no-improvement", evidence: { first: 18, last: 18, session: 8 } },
    ]);
  });
});
