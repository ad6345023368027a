import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import { checkIn, HAND_MODEL as MODEL, PHQ9 } from "./fixtures.js";
import { notOnTrackSignals } from "./notOnTrack.js";

const PARAMS = { ...PHQ9, trajectoryModel: MODEL };
const at4 = (score: number) => ({
  checkIns: [checkIn("phq-9", 1, 18), checkIn("phq-9", 4, score)],
  appointments: [],
});

describe("notOnTrackSignals", () => {
  // session 4: expected 18 − 2·ln 4 = 15.227; red edge 15.227 + 1.645·2 = 18.517; yellow 15.227 + 1.282·2 = 17.790
  it("is high (red) above the one-sided 95% edge", () => {
    const [signal] = notOnTrackSignals(
      at4(19),
      PARAMS,
      DEFAULT_SIGNAL_OPTIONS.notOnTrack,
    );
    expect(signal).toMatchObject({
      kind: "not-on-track",
      severity: "high",
      rule: "not-on-track.red",
      causeKey: "not-on-track:phq-9",
    });
    expect(signal!.evidence.bandEdge).toBeCloseTo(18.517, 3);
    expect(signal!.explanation).toContain(
      "reference model, not fitted to your clinic",
    );
  });

  it("is medium (yellow) between the 90% and 95% edges, silent inside", () => {
    expect(
      notOnTrackSignals(at4(18), PARAMS, DEFAULT_SIGNAL_OPTIONS.notOnTrack),
    ).toMatchObject([{ severity: "medium" }]);
    expect(
      notOnTrackSignals(at4(17), PARAMS, DEFAULT_SIGNAL_OPTIONS.notOnTrack),
    ).toEqual([]);
  });

  it("needs a model and a post-intake score", () => {
    expect(
      notOnTrackSignals(at4(27), PHQ9, DEFAULT_SIGNAL_OPTIONS.notOnTrack),
    ).toEqual([]);
    expect(
      notOnTrackSignals(
        { checkIns: [checkIn("phq-9", 1, 27)], appointments: [] },
        PARAMS,
        DEFAULT_SIGNAL_OPTIONS.notOnTrack,
      ),
    ).toEqual([]);
  });

  it("looks at the lower edge for a higher-is-better instrument", () => {
    const params = {
      ...PARAMS,
      direction: "higherIsBetter" as const,
      trajectoryModel: {
        ...MODEL,
        fixedEffects: { ...MODEL.fixedEffects, lnSession: 2 },
      },
    };
    // expected 18 + 2·ln 4 = 20.773; red lower edge 20.773 − 3.290 = 17.483
    expect(
      notOnTrackSignals(at4(17), params, DEFAULT_SIGNAL_OPTIONS.notOnTrack),
    ).toMatchObject([{ severity: "high" }]);
  });
});
