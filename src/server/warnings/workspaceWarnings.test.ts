import { describe, expect, it } from "vitest";
import { workspaceWarnings } from "./workspaceWarnings.js";

const fine = {
  emailConfigured: true,
  failingUrgentMail: 0,
  crisisInformation: "Samaritans: 116 123",
};

describe("workspaceWarnings", () => {
  it("says nothing when email works and the crisis information is set", () => {
    expect(workspaceWarnings(fine, "therapist")).toEqual([]);
    expect(workspaceWarnings(fine, "admin")).toEqual([]);
  });

  it("tells therapists and administrators that email is off", () => {
    const off = { ...fine, emailConfigured: false };
    expect(workspaceWarnings(off, "therapist")).toEqual([
      {
        code: "email-off",
        message: expect.stringMatching(/no email about urgent alerts/),
      },
    ]);
    expect(workspaceWarnings(off, "admin")[0]?.message).toMatch(
      /RAPPORT_SMTP_URL/,
    );
  });

  it("counts urgent emails that keep failing", () => {
    const failing = { ...fine, failingUrgentMail: 2 };
    expect(workspaceWarnings(failing, "supervisor")[0]?.message).toMatch(
      /^2 urgent-alert emails could not be sent in the last 7 days/,
    );
    expect(
      workspaceWarnings({ ...fine, failingUrgentMail: 1 }, "therapist")[0]
        ?.message,
    ).toMatch(/^1 urgent-alert email could/);
  });

  it("warns only administrators about empty crisis information", () => {
    const empty = { ...fine, crisisInformation: null };
    expect(workspaceWarnings(empty, "therapist")).toEqual([]);
    expect(workspaceWarnings(empty, "admin").map((w) => w.code)).toEqual([
      "crisis-information-empty",
    ]);
  });
});
