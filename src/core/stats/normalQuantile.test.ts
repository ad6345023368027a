import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normalQuantile.js";

describe("normalQuantile", () => {
  it("gives the textbook z values", () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it("is antisymmetric and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.4999, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.02, noNaN: true }),
        (p, d) => {
          expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 7);
          expect(normalQuantile(p + d)).toBeGreaterThan(normalQuantile(p));
        },
      ),
    );
  });

  it("throws outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
