import { describe, expect, it } from "vitest";
import { talkingTherapiesEpisodeOutcome } from "./talkingTherapiesEpisode.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;
const scores = (phq9: number[], gad7: number[]) => [
  ...phq9.map((total, i) => ({ instrumentId: "phq-9", total, at: at(i + 1) })),
  ...gad7.map((total, i) => ({ instrumentId: "gad-7", total, at: at(i + 1) })),
];

describe("talkingTherapiesEpisodeOutcome", () => {
  it("classifies a finished course from the first and last PHQ-9 and GAD-7, in time order", () => {
    const record = {
      scores: scores([16, 12, 7], [12, 9, 6]).reverse(),
      attendedSessions: 6,
      ended: true,
    };
    expect(talkingTherapiesEpisodeOutcome(record)).toMatchObject({
      course: "finished",
      label: "reliable recovery",
      casenessAtStart: true,
      reliableRecovery: true,
    });
  });

  it("needs two attended sessions for a finished course of treatment", () => {
    const outcome = talkingTherapiesEpisodeOutcome({
      scores: scores([16, 7], [12, 6]),
      attendedSessions: 1,
      ended: true,
    });
    expect(outcome?.course).toBe("ended-early");
    expect(outcome?.explanation[0]).toMatch(/not a finished course/);
    expect(
      talkingTherapiesEpisodeOutcome({
        scores: scores([16, 7], [12, 6]),
        attendedSessions: 2,
        ended: true,
      })?.course,
    ).toBe("finished");
  });

  it("gives an open episode's outcome so far", () => {
    const outcome = talkingTherapiesEpisodeOutcome({
      scores: scores([18, 17], [12, 11]),
      attendedSessions: 4,
      ended: false,
    });
    expect(outcome).toMatchObject({
      course: "ongoing",
      label: "no reliable change, still at caseness",
    });
  });

  it("uses GAD-7 caseness 8: a GAD-7 of 9 at the end keeps the episode at caseness", () => {
    expect(
      talkingTherapiesEpisodeOutcome({
        scores: scores([9, 5], [13, 9]),
        attendedSessions: 5,
        ended: true,
      }),
    ).toMatchObject({
      casenessAtEnd: true,
      recovery: false,
      label: "reliable improvement, still at caseness",
    });
  });

  it("names reliable deterioration first", () => {
    expect(
      talkingTherapiesEpisodeOutcome({
        scores: scores([8, 15], [6, 6]),
        attendedSessions: 5,
        ended: false,
      })?.label,
    ).toBe("reliable deterioration");
  });

  it("has no outcome without two scores of each measure", () => {
    expect(
      talkingTherapiesEpisodeOutcome({
        scores: scores([16, 7], [12]),
        attendedSessions: 5,
        ended: true,
      }),
    ).toBeNull();
    expect(
      talkingTherapiesEpisodeOutcome({
        scores: scores([16, 7], []),
        attendedSessions: 5,
        ended: true,
      }),
    ).toBeNull();
  });
});
