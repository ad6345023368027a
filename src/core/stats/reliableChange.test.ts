import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isReliableChangeSignals,
  jacobsonTruaxRci,
  jacobsonTruaxSdiff,
  minimumReliableChange,
} from "./reliableChange.js";

describe("Jacobson–Truax", () => {
  it("computes S_diff = √(2·(SD·√(1 − r))²) by hand", () => {
    // SD 7.5, r .80: SE = 7.5·√.2 = 3.3541; S_diff = √(2·11.25) = 4.7434
    expect(jacobsonTruaxSdiff(7.5, 0.8)).toBeCloseTo(4.7434, 4);
    // PHQ-9 18 → 9 with SD 5, r .84: SE = 2, S_diff = 2.8284, RC = −9 / 2.8284 = −3.182
    expect(jacobsonTruaxRci(18, 9, 5, 0.84)).toBeCloseTo(-3.182, 3);
    expect(
      minimumReliableChange({
        kind: "jacobson-truax",
        sd: 7.5,
        reliability: 0.8,
      }),
    ).toBeCloseTo(9.297, 3);
  });

  it("throws on impossible inputs", () => {
    expect(() => jacobsonTruaxSdiff(0, 0.8)).toThrow(RangeError);
    expect(() => jacobsonTruaxSdiff(5, 1)).toThrow(RangeError);
  });
});

describe("isReliableChangeSignals", () => {
  it("uses ≥ for the NHS Talking Therapies points convention (PHQ-9 6, GAD-7 4)", () => {
    expect(isReliableChangeSignals(-6, { kind: "points", minChange: 6 })).toBe(
      true,
    );
    expect(isReliableChangeSignals(-5, { kind: "points", minChange: 6 })).toBe(
      false,
    );
    expect(isReliableChangeSignals(4, { kind: "points", minChange: 4 })).toBe(
      true,
    );
  });

  it("uses |RC| > 1.96 for Jacobson–Truax", () => {
    const criterion = {
      kind: "jacobson-truax",
      sd: 7.5,
      reliability: 0.8,
    } as const;
    expect(isReliableChangeSignals(9.3, criterion)).toBe(true);
    expect(isReliableChangeSignals(9.29, criterion)).toBe(false);
  });

  it("is symmetric in the sign of the change", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        (change, min) => {
          const criterion = { kind: "points", minChange: min } as const;
          expect(isReliableChangeSignals(change, criterion)).toBe(
            isReliableChangeSignals(-change, criterion),
          );
        },
      ),
    );
  });
});
