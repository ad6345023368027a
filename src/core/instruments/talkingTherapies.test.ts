import { describe, expect, it } from "vitest";
import { classifyTalkingTherapiesEpisode } from "./talkingTherapies.js";
import {
  NHS_TALKING_THERAPIES_THRESHOLDS,
  talkingTherapiesThresholds,
} from "./talkingTherapiesThresholds.js";
import { bundledPack } from "./bundled.js";

const episode = (phq9: [number, number], gad7: [number, number]) =>
  classifyTalkingTherapiesEpisode({
    phq9: { first: phq9[0], last: phq9[1] },
    gad7: { first: gad7[0], last: gad7[1] },
  });

describe("NHS Talking Therapies episode classification", () => {
  it("reliable recovery: at caseness, below both cut-offs at the end, reliable drop", () => {
    expect(episode([16, 7], [12, 6])).toMatchObject({
      casenessAtStart: true,
      casenessAtEnd: false,
      recovery: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
    });
  });

  it("recovery without reliable improvement is not reliable recovery", () => {
    // PHQ-9 10 → 9 (drop 1), GAD-7 8 → 7 (drop 1): crosses both cut-offs, changes not reliable.
    expect(episode([10, 9], [8, 7])).toMatchObject({
      recovery: true,
      reliableImprovement: false,
      reliableRecovery: false,
    });
  });

  it("reliable improvement while still at caseness", () => {
    // PHQ-9 24 → 14 (drop 10 ≥ 6); GAD-7 stays 15.
    expect(episode([24, 14], [15, 15])).toMatchObject({
      recovery: false,
      reliableImprovement: true,
      reliableRecovery: false,
    });
  });

  it("caseness on either measure; recovery does not apply below caseness at the start", () => {
    expect(episode([5, 2], [9, 3])).toMatchObject({
      casenessAtStart: true,
      recovery: true,
    });
    expect(episode([9, 2], [7, 1])).toMatchObject({
      casenessAtStart: false,
      recovery: null,
      reliableRecovery: null,
      reliableImprovement: true,
    });
  });

  it("counts exactly 6 (PHQ-9) and 4 (GAD-7) as reliable", () => {
    expect(episode([15, 9], [5, 5]).reliableImprovement).toBe(true);
    expect(episode([15, 10], [5, 5]).reliableImprovement).toBe(false);
    expect(episode([5, 5], [12, 8]).reliableImprovement).toBe(true);
    expect(episode([5, 5], [12, 9]).reliableImprovement).toBe(false);
  });

  it("reliable deterioration on one measure, and neither when the two measures disagree", () => {
    expect(episode([8, 14], [6, 6])).toMatchObject({
      reliableDeterioration: true,
      reliableImprovement: false,
    });
    expect(episode([20, 10], [4, 9])).toMatchObject({
      reliableDeterioration: false,
      reliableImprovement: false,
    });
  });

  it("takes a clinic's corrected thresholds", () => {
    const trust = {
      ...NHS_TALKING_THERAPIES_THRESHOLDS,
      phq9: { caseness: 9, reliableChange: 6 },
    };
    const outcome = classifyTalkingTherapiesEpisode(
      { phq9: { first: 9, last: 3 }, gad7: { first: 2, last: 2 } },
      trust,
    );
    expect(outcome).toMatchObject({
      casenessAtStart: true,
      recovery: true,
      reliableRecovery: true,
    });
  });

  it("reads caseness and reliable change from the PHQ-9 and GAD-7 packs", () => {
    const phq9 = bundledPack("phq-9")!;
    const gad7 = bundledPack("gad-7")!;
    expect(NHS_TALKING_THERAPIES_THRESHOLDS).toMatchObject({
      phq9: { caseness: 10, reliableChange: 6 },
      gad7: { caseness: 8, reliableChange: 4 },
    });
    const corrected = {
      ...phq9,
      scoring: {
        ...phq9.scoring,
        caseness: { ...phq9.scoring.caseness!, value: 9 },
      },
    };
    expect(talkingTherapiesThresholds(corrected, gad7)?.phq9.caseness).toBe(9);
    const withoutCaseness = structuredClone(gad7);
    delete withoutCaseness.scoring.caseness;
    expect(talkingTherapiesThresholds(phq9, withoutCaseness)).toBeNull();
  });
});
