import { describe, expect, it } from "vitest";
import {
  classifyChange,
  clinicalCutoffs,
  reliableChangeIndex,
  reliableChangeThreshold,
  standardError,
  standardErrorOfDifference,
} from "./reliableChange.js";

describe("Jacobson–Truax reliable change", () => {
  // CORE-10 primary-care norms SD 7.7, α .90: SE = 7.7·√0.1 = 2.43495; S_diff = SE·√2 = 3.44354.
  it("computes SE, S_diff, RC and the raw threshold by the published formulas", () => {
    expect(standardError(7.7, 0.9)).toBeCloseTo(2.43495, 4);
    expect(standardErrorOfDifference(7.7, 0.9)).toBeCloseTo(3.44354, 4);
    expect(reliableChangeIndex(20, 12, 7.7, 0.9)).toBeCloseTo(-8 / 3.44354, 4);
    expect(reliableChangeThreshold(7.7, 0.9)).toBeCloseTo(1.96 * 3.44354, 3);
  });

  it("refuses an impossible SD or reliability (programmer error)", () => {
    expect(() => standardError(0, 0.8)).toThrow(RangeError);
    expect(() => standardError(5, 1)).toThrow(RangeError);
  });

  // Jacobson's example as reproduced in CRAN clinicalsignificance's tests: M_c 40, M_f 60, SDs 7.5.
  it("reproduces cut-offs a, b and c for Jacobson's example", () => {
    expect(
      clinicalCutoffs(
        { mean: 40, sd: 7.5 },
        { mean: 60, sd: 7.5 },
        "higherIsBetter",
      ),
    ).toEqual({ a: 55, b: 45, c: 50 });
  });

  it("mirrors the cut-offs when higher is worse, and gives only a without functional norms", () => {
    expect(
      clinicalCutoffs(
        { mean: 60, sd: 7.5 },
        { mean: 40, sd: 7.5 },
        "higherIsWorse",
      ),
    ).toEqual({ a: 45, b: 55, c: 50 });
    // CORE-10 counselling norms M 19.7, SD 7.7; general population M 4.7, SD 4.8.
    // c = (4.8·19.7 + 7.7·4.7) / (4.8 + 7.7) = (94.56 + 36.19) / 12.5 = 10.46
    const core = clinicalCutoffs(
      { mean: 19.7, sd: 7.7 },
      { mean: 4.7, sd: 4.8 },
      "higherIsWorse",
    );
    expect(core.c).toBeCloseTo(10.46, 10);
    expect(
      clinicalCutoffs({ mean: 19.7, sd: 7.7 }, undefined, "higherIsWorse"),
    ).toEqual({ a: 19.7 - 15.4 });
  });

  it("classifies recovered, improved, unchanged and deteriorated (PHQ-9, threshold 6, cut-off 10)", () => {
    const phq = {
      threshold: 6,
      cutoff: 10,
      direction: "higherIsWorse",
    } as const;
    expect(classifyChange({ ...phq, pre: 18, post: 9 })).toBe("recovered");
    expect(classifyChange({ ...phq, pre: 22, post: 16 })).toBe("improved");
    expect(classifyChange({ ...phq, pre: 18, post: 13 })).toBe("unchanged");
    expect(classifyChange({ ...phq, pre: 8, post: 14 })).toBe("deteriorated");
  });

  it("handles higher-is-better instruments (WHO-5 raw, threshold 2.5, cut-off 13)", () => {
    const who = {
      threshold: 2.5,
      cutoff: 13,
      direction: "higherIsBetter",
    } as const;
    expect(classifyChange({ ...who, pre: 8, post: 14 })).toBe("recovered");
    expect(classifyChange({ ...who, pre: 4, post: 7 })).toBe("improved");
    expect(classifyChange({ ...who, pre: 15, post: 12 })).toBe("deteriorated");
  });
});
