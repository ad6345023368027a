import { describe, expect, it } from "vitest";
import type { CodedUtterance } from "../codedUtterance.js";
import { sessionProfile } from "./sessionProfile.js";
import { feedback } from "./feedback.js";

const none = {
  behaviour: null,
  reflection: null,
  question: null,
  talk: null,
  empathy: null,
  markers: [],
  confidence: {},
};
const therapist = (
  index: number,
  words: number,
  codes: Partial<CodedUtterance>,
  time?: [number, number],
): CodedUtterance => ({
  ...none,
  index,
  speaker: "T",
  role: "therapist",
  text: `t${index}`,
  words,
  behaviour: "other",
  empathy: { emotionalReaction: 0, interpretation: 0, exploration: 0 },
  ...codes,
  ...(time ? { start: time[0], end: time[1] } : {}),
});
const client = (
  index: number,
  words: number,
  codes: Partial<CodedUtterance>,
  time?: [number, number],
): CodedUtterance => ({
  ...none,
  index,
  speaker: "C",
  role: "client",
  text: `c${index}`,
  words,
  talk: "neutral",
  ...codes,
  ...(time ? { start: time[0], end: time[1] } : {}),
});

// 3 reflections (1 simple, 2 complex), 2 questions (1 open, 1 closed; one inside a reflection),
// client talk: 3 change, 1 sustain, 1 neutral.
const SESSION: CodedUtterance[] = [
  therapist(0, 10, {
    behaviour: "question",
    question: "open",
    empathy: { emotionalReaction: 0, interpretation: 0, exploration: 2 },
  }),
  client(1, 20, { talk: "change" }),
  therapist(2, 8, {
    behaviour: "reflection",
    reflection: "simple",
    empathy: { emotionalReaction: 1, interpretation: 1, exploration: 0 },
  }),
  client(3, 30, { talk: "sustain" }),
  therapist(4, 12, {
    behaviour: "reflection",
    reflection: "complex",
    question: "closed",
    empathy: { emotionalReaction: 0, interpretation: 2, exploration: 0 },
  }),
  therapist(5, 40, { behaviour: "input" }),
  client(6, 5, { talk: "change", markers: ["withdrawal"] }),
  therapist(7, 6, { behaviour: "reflection", reflection: "complex" }),
  client(8, 15, { talk: "change" }),
  client(9, 4, { talk: "neutral", markers: ["confrontation"] }),
];

describe("sessionProfile", () => {
  const p = sessionProfile(SESSION);

  it("counts codes", () => {
    expect(p.counts.reflections).toEqual({ simple: 1, complex: 2, total: 3 });
    expect(p.counts.questions).toEqual({ open: 1, closed: 1, total: 2 });
    expect(p.counts.talk).toEqual({ change: 3, sustain: 1, neutral: 1 });
    expect(p.counts.behaviour).toEqual({
      reflection: 3,
      question: 1,
      input: 1,
      other: 0,
    });
  });

  it("scores MITI 4 summaries against their thresholds", () => {
    expect(p.reflectionToQuestion).toEqual({
      value: 1.5,
      fair: 1,
      good: 2,
      level: "fair",
    });
    expect(p.percentComplexReflections.value).toBeCloseTo(200 / 3);
    expect(p.percentComplexReflections.level).toBe("good");
    expect(p.percentOpenQuestions).toBe(50);
    expect(p.percentChangeTalk).toBe(75);
  });

  it("describes talk by words and turns", () => {
    expect(p.talkTime).toMatchObject({
      basis: "words",
      therapistWords: 76,
      clientWords: 74,
    });
    expect(p.talkTime.therapistShare).toBeCloseTo(76 / 150);
    expect(p.turns).toEqual({
      turns: 8,
      therapistTurns: 4,
      clientTurns: 4,
      meanTherapistTurnWords: 19,
      meanClientTurnWords: 74 / 4,
    });
    expect(p.longestTherapistMonologue).toEqual({
      firstIndex: 4,
      lastIndex: 5,
      words: 52,
      seconds: null,
    });
  });

  it("rates empathy over therapist utterances and lists rupture markers", () => {
    expect(p.empathy.interpretation).toEqual({ any: 2 / 5, strong: 1 / 5 });
    expect(p.empathy.exploration).toEqual({ any: 1 / 5, strong: 1 / 5 });
    expect(p.ruptureMarkers).toEqual([
      { index: 6, marker: "withdrawal", text: "c6" },
      { index: 9, marker: "confrontation", text: "c9" },
    ]);
  });

  it("uses timestamps for talk time when every utterance has them", () => {
    const timed = sessionProfile([
      therapist(0, 100, {}, [0, 30]),
      client(1, 10, {}, [30, 120]),
    ]);
    expect(timed.talkTime).toMatchObject({
      basis: "timestamps",
      therapistSeconds: 30,
      clientSeconds: 90,
      therapistShare: 0.25,
    });
  });

  it("gives null ratios without denominators", () => {
    const empty = sessionProfile([client(0, 3, {})]);
    expect(empty.reflectionToQuestion.value).toBeNull();
    expect(empty.percentChangeTalk).toBeNull();
    expect(empty.longestTherapistMonologue).toBeNull();
  });

  it("turns the profile into plain-language feedback citing the thresholds", () => {
    // Every code evaluated well enough to be stated plainly (the gate is tested in feedback.test.ts).
    const sure = {
      reflection: 0.9,
      question: 0.9,
      simpleReflection: 0.9,
      complexReflection: 0.9,
      changeTalk: 0.9,
      sustainTalk: 0.9,
    };
    const lines = feedback(p, sure).join("\n");
    expect(lines).toContain("R:Q 1.50");
    expect(lines).toContain("#6 withdrawal");
    expect(lines).toContain(
      "rule-based flags, not evaluated against labelled data): check these moments",
    );
    expect(lines).toContain("not a quality threshold");
  });
});
