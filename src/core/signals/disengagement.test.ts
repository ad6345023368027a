import { describe, expect, it } from "vitest";
import { disengagementSignals } from "./disengagement.js";
import { appointment, checkIn } from "./fixtures.js";

const checkIns = [checkIn("phq-9", 1, 15), checkIn("phq-9", 2, 14)];

describe("disengagementSignals", () => {
  it("flags a no-show followed by an attended session without its check-in", () => {
    const appointments = [
      appointment(1, true),
      appointment(2, true),
      appointment(3, false),
      appointment(4, true),
    ];
    expect(disengagementSignals({ checkIns, appointments }, 2)).toMatchObject([
      {
        kind: "disengagement",
        severity: "medium",
        causeKey: "disengagement:s3",
        sessionIndex: 4,
        evidence: { noShows: 1, missedCheckIns: 1 },
      },
    ]);
  });

  it("needs the misses to be in a row and the most recent", () => {
    const appointments = [
      appointment(1, true),
      appointment(2, false),
      appointment(3, true, false),
      appointment(4, false),
    ];
    expect(disengagementSignals({ checkIns, appointments }, 2)).toEqual([]);
  });

  it("does not count a session where no check-in was due", () => {
    const appointments = [
      appointment(1, true),
      appointment(2, true),
      appointment(3, true, false),
    ];
    expect(disengagementSignals({ checkIns, appointments }, 1)).toEqual([]);
  });
});
