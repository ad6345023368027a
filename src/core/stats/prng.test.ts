import { describe, expect, it } from "vitest";
import { mulberry32, normalSampler } from "./prng.js";

describe("mulberry32", () => {
  it("repeats exactly for the same seed and differs across seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((u) => u >= 0 && u < 1)).toBe(true);
  });
});

describe("normalSampler", () => {
  it("has mean ≈ 0 and variance ≈ 1 over 20,000 draws (±0.03, ±0.05)", () => {
    const z = normalSampler(mulberry32(7));
    const draws = Array.from({ length: 20_000 }, z);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance =
      draws.reduce((s, v) => s + (v - mean) ** 2, 0) / (draws.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
