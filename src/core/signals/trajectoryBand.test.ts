import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import { checkIn, HAND_MODEL as MODEL } from "./fixtures.js";
import { trajectoryBand } from "./trajectoryBand.js";

const levels = DEFAULT_SIGNAL_OPTIONS.notOnTrack;

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
    );
    expect(band?.intake).toBe(18);
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
      ),
    ).toBeNull();
  });
});
