import { describe, expect, it } from "vitest";
import { assignRoles } from "./roles.js";
import type { Utterance } from "./transcript.js";

const u = (speaker: string, text: string, line: number): Utterance => ({
  speaker,
  text,
  line,
});
const session = [
  u("Ana", "I've been drinking a lot.", 1),
  u("Ben", "What worries you most about it?", 2),
  u("Ana", "My kids.", 3),
  u("Ben", "How do they see it?", 4),
];

describe("assignRoles", () => {
  it("takes the therapist by name, ignoring case", () => {
    const result = assignRoles(session, { therapist: "ana" });
    expect(result.ok && Object.fromEntries(result.roles)).toEqual({
      Ana: "therapist",
      Ben: "client",
    });
  });

  it('infers the speaker who talks about "you" more than about "I", even when not first', () => {
    const result = assignRoles(session);
    expect(result.ok && result.roles.get("Ben")).toBe("therapist");
    expect(result.ok && result.inferred).toBe(true);
  });

  it("infers a therapist who reflects rather than asks, against a client who asks", () => {
    const result = assignRoles([
      u("Client", "Why do I keep doing this? Is that normal?", 1),
      u("Counsellor", "You're worried that you can't stop.", 2),
      u("Client", "I am. My wife says I should quit.", 3),
      u("Counsellor", "Your wife matters a lot to you.", 4),
    ]);
    expect(result.ok && result.roles.get("Counsellor")).toBe("therapist");
    expect(result.ok && result.roles.get("Client")).toBe("client");
  });

  it("breaks a tie by questions, then by who spoke first", () => {
    const byQuestions = assignRoles([
      u("X", "Hello there.", 1),
      u("Y", "Ready to start?", 2),
    ]);
    expect(byQuestions.ok && byQuestions.roles.get("Y")).toBe("therapist");
    const result = assignRoles([u("X", "Hello.", 1), u("Y", "Hi.", 2)]);
    expect(result.ok && result.roles.get("X")).toBe("therapist");
  });

  it("takes a speaker labelled by the role at their word", () => {
    const result = assignRoles([
      u("Client", "You know, you never listen to me.", 1),
      u("THERAPIST ", "I hear that I have not been listening.", 2),
    ]);
    expect(result.ok && result.roles.get("THERAPIST ")).toBe("therapist");
    expect(result.ok && result.inferred).toBe(true);
  });

  it("reads typographic apostrophes as plain ones", () => {
    const result = assignRoles([
      u("A", "I\u2019m not sure I\u2019m ready.", 1),
      u("B", "You\u2019re not sure you\u2019re ready.", 2),
    ]);
    expect(result.ok && result.roles.get("B")).toBe("therapist");
  });

  it("lets overrides win", () => {
    const result = assignRoles(session, {
      overrides: { Ana: "therapist", Ben: "client" },
    });
    expect(result.ok && Object.fromEntries(result.roles)).toEqual({
      Ana: "therapist",
      Ben: "client",
    });
  });

  it("reports an unknown therapist name with the speakers present", () => {
    expect(assignRoles(session, { therapist: "Dr Who" })).toEqual({
      ok: false,
      reason: "unknown-therapist",
      speakers: ["Ana", "Ben"],
    });
  });
});
