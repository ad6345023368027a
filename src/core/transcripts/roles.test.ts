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

  it("infers the speaker who asks most questions, even when not first", () => {
    const result = assignRoles(session);
    expect(result.ok && result.roles.get("Ben")).toBe("therapist");
    expect(result.ok && result.inferred).toBe(true);
  });

  it("falls back to the first speaker when nobody asks", () => {
    const result = assignRoles([u("X", "Hello.", 1), u("Y", "Hi.", 2)]);
    expect(result.ok && result.roles.get("X")).toBe("therapist");
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
