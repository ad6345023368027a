import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import { checkIn, HAND_MODEL as MODEL } from "./fixtures.js";
import { referenceModels } from "./referenceModels.js";
import { trajectoryBand } from "./trajectoryBand.js";
import { predictBand } from "../stats/predictBand.js";

const levels = DEFAULT_SIGNAL_OPTIONS.notOnTrack;
const PHQ9_RANGE = { min: 0, max: 27 };

describe("trajectoryBand", () => {
  it("draws the band from the intake to sessions ahead of the latest score", () => {
    const band = trajectoryBand(
      {
        checkIns: [checkIn("phq-9", 2, 18), checkIn("phq-9", 5, 14)],
        appointments: [],
      },
      "phq-9",
      MODEL,
      levels,
      2,
      PHQ9_RANGE,
    );
    expect(band?.intake).toBe(18);
    expect(band?.clamped).toBe(false);
    expect(band?.scores.map((s) => [s.session, s.total])).toEqual([
      [1, 18],
      [4, 14],
    ]);
    expect(band?.points.map((p) => p.session)).toEqual([1, 2, 3, 4, 5, 6]);
    const at4 = band?.points[3];
    // session 4: expected 18 − 2·ln 4 = 15.227; red upper 15.227 + 1.645·2 = 18.517
    expect(at4?.expected).toBeCloseTo(15.227, 3);
    expect(at4?.red.upper).toBeCloseTo(18.517, 2);
    expect(at4?.yellow.upper).toBeCloseTo(17.79, 2);
    expect(at4?.red.lower).toBeCloseTo(11.937, 2);
  });

  it("has no band without a scored check-in of the instrument", () => {
    expect(
      trajectoryBand(
        { checkIns: [checkIn("gad-7", 1, 9)], appointments: [] },
        "phq-9",
        MODEL,
        levels,
        2,
        PHQ9_RANGE,
      ),
    ).toBeNull();
  });

  it("keeps the band within the instrument's range, and says it clamped it", () => {
    const model = referenceModels().get("phq-9")!;
    // The reference model's raw band for an intake of 14 at session 8 reaches below 0 (≈ −3.2).
    expect(predictBand(model, 14, 8, levels.redLevel).lower).toBeLessThan(0);
    const band = trajectoryBand(
      {
        checkIns: [checkIn("phq-9", 1, 14), checkIn("phq-9", 8, 9)],
        appointments: [],
      },
      "phq-9",
      model,
      levels,
      2,
      PHQ9_RANGE,
    )!;
    expect(band.clamped).toBe(true);
    expect(band.range).toEqual(PHQ9_RANGE);
    for (const p of band.points)
      for (const v of [
        p.expected,
        p.red.lower,
        p.red.upper,
        p.yellow.lower,
        p.yellow.upper,
      ]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(27);
      }
    expect(band.points[7]?.red.lower).toBe(0);
  });
});
