import { describe, expect, it } from "vitest";
import { empathyLevels } from "./empathy.js";
import { ruptureMarkers } from "./ruptureMarkers.js";

// Examples are the kinds named in the definitions (Sharma et al. 2020; 3RS), not dataset rows.
describe("empathyLevels", () => {
  it("separates named emotions from allusions", () => {
    expect(empathyLevels("I feel really sad for you.").emotionalReaction).toBe(
      2,
    );
    expect(empathyLevels("Everything will be fine.").emotionalReaction).toBe(1);
    expect(empathyLevels("Go to the doctor.").emotionalReaction).toBe(0);
  });

  it("separates specific from generic understanding", () => {
    expect(empathyLevels("This must be terrifying.").interpretation).toBe(2);
    expect(empathyLevels("I understand how you feel.").interpretation).toBe(1);
  });

  it("separates specific from generic exploration", () => {
    expect(empathyLevels("What happened?").exploration).toBe(1);
    expect(empathyLevels("Are you feeling alone right now?").exploration).toBe(
      2,
    );
    expect(empathyLevels("You should rest.").exploration).toBe(0);
  });
});

describe("ruptureMarkers", () => {
  it("flags minimal answers only after an open question", () => {
    expect(
      ruptureMarkers("I don't know.", { afterOpenQuestion: true }),
    ).toEqual(["withdrawal"]);
    expect(ruptureMarkers("Yes.", { afterOpenQuestion: false })).toEqual([]);
  });

  it("flags deflection and complaints about the therapy", () => {
    expect(
      ruptureMarkers("I'd rather not talk about that.", {
        afterOpenQuestion: false,
      }),
    ).toEqual(["withdrawal"]);
    expect(
      ruptureMarkers("Honestly this is a waste of time.", {
        afterOpenQuestion: false,
      }),
    ).toEqual(["confrontation"]);
    expect(
      ruptureMarkers("I want to quit drinking.", { afterOpenQuestion: true }),
    ).toEqual([]);
  });
});
