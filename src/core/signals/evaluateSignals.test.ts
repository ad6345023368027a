import { describe, expect, it } from "vitest";
import { evaluateSignals } from "./evaluateSignals.js";
import {
  DETERIORATING_CLIENT,
  IMPROVING_CLIENT,
  PARAMS,
  RUPTURE_REPAIRED_CLIENT,
} from "./fixtures.js";

describe("evaluateSignals on the named fixtures", () => {
  it("Ana (improving) gets reliable improvement and recovery only", () => {
    expect(
      evaluateSignals(IMPROVING_CLIENT, PARAMS)
        .map((s) => s.kind)
        .sort(),
    ).toEqual(["recovery", "reliable-improvement"]);
  });

  it("Ben (rupture, repaired; PHQ-9 16 → 12 by session 6) gets a no-improvement signal, then a repaired rupture naming the bond", () => {
    const signals = evaluateSignals(RUPTURE_REPAIRED_CLIENT, PARAMS);
    expect(signals.map((s) => s.kind)).toEqual(["no-improvement", "rupture"]);
    expect(signals[1]!.evidence).toMatchObject({
      repair: "repaired",
      component: "bond",
    });
  });

  it("Cara (deteriorating) gets risk first, then deterioration, then disengagement", () => {
    const signals = evaluateSignals(DETERIORATING_CLIENT, PARAMS);
    expect(signals.map((s) => [s.kind, s.severity])).toEqual([
      ["risk", "critical"],
      ["reliable-deterioration", "high"],
      ["disengagement", "medium"],
    ]);
  });

  it("is deterministic and has unique cause keys", () => {
    const a = evaluateSignals(DETERIORATING_CLIENT, PARAMS);
    expect(evaluateSignals(DETERIORATING_CLIENT, PARAMS)).toEqual(a);
    expect(new Set(a.map((s) => s.causeKey)).size).toBe(a.length);
  });
});
