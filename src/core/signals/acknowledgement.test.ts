import { describe, expect, it } from "vitest";
import {
  ACTION_LABELS,
  actionsFor,
  checkAcknowledgement,
} from "./acknowledgement.js";

describe("actionsFor", () => {
  it("offers the issue's list for each kind", () => {
    expect(actionsFor("risk")).toEqual([
      "contacted-client",
      "safety-plan-reviewed",
      "escalated",
      "other",
    ]);
    expect(actionsFor("rupture")).toEqual([
      "discussed-with-client",
      "repair-attempted",
      "other",
    ]);
    for (const kind of ["not-on-track", "no-improvement"])
      expect(actionsFor(kind)).toEqual([
        "discussed",
        "plan-changed",
        "referred",
        "other",
      ]);
    expect(actionsFor("reliable-deterioration")).toEqual(
      actionsFor("not-on-track"),
    );
    expect(actionsFor("disengagement")).toEqual([
      "contacted-client",
      "rescheduled",
      "other",
    ]);
    expect(actionsFor("some-future-kind")).toEqual(["other"]);
  });

  it("labels every action", () => {
    expect(ACTION_LABELS["safety-plan-reviewed"]).toBe("Safety plan reviewed");
    expect(ACTION_LABELS["repair-attempted"]).toBe("Repair attempted");
  });
});

describe("checkAcknowledgement", () => {
  it("accepts an action of the kind, the note optional and trimmed", () => {
    expect(checkAcknowledgement("risk", "contacted-client", "  ")).toEqual({
      valid: true,
      action: "contacted-client",
      note: null,
    });
    expect(
      checkAcknowledgement(
        "rupture",
        "repair-attempted",
        " Talked it through ",
      ),
    ).toEqual({
      valid: true,
      action: "repair-attempted",
      note: "Talked it through",
    });
  });

  it("refuses an action of another kind's list", () => {
    const check = checkAcknowledgement("risk", "plan-changed", "note");
    expect(check.valid).toBe(false);
    expect(!check.valid && check.reason).toMatch(/not an action for a risk/);
    expect(checkAcknowledgement("rupture", "escalated", "x").valid).toBe(false);
  });

  it('needs a note with "other"', () => {
    expect(checkAcknowledgement("not-on-track", "other", undefined)).toEqual({
      valid: false,
      reason: 'the action "other" needs a note',
    });
    expect(checkAcknowledgement("not-on-track", "other", "GP letter")).toEqual({
      valid: true,
      action: "other",
      note: "GP letter",
    });
  });
});
