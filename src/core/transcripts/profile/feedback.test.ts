import { describe, expect, it } from "vitest";
import type { CodedUtterance } from "../codedUtterance.js";
import {
  codeReliability,
  type CodeReliability,
} from "../coding/modelEvaluation.js";
import { DEFAULT_FEEDBACK_OPTIONS, feedback } from "./feedback.js";
import {
  DEFAULT_FEEDBACK_GATE,
  certainty,
  gatedSentence,
  support,
} from "./feedbackGate.js";
import { sessionProfile } from "./sessionProfile.js";

const utterance = (
  index: number,
  role: CodedUtterance["role"],
  words: number,
  codes: Partial<CodedUtterance>,
): CodedUtterance => ({
  index,
  speaker: role === "therapist" ? "T" : "C",
  role,
  text: `u${index}`,
  words,
  behaviour: role === "therapist" ? "other" : null,
  reflection: null,
  question: null,
  talk: role === "client" ? "neutral" : null,
  empathy: null,
  markers: [],
  confidence: {},
  ...codes,
});

// One question, one complex reflection; the client's talk is 1 change against 2 sustain.
const profile = sessionProfile([
  utterance(0, "therapist", 12, { behaviour: "question", question: "open" }),
  utterance(1, "client", 10, { talk: "sustain" }),
  utterance(2, "therapist", 160, {
    behaviour: "reflection",
    reflection: "complex",
  }),
  utterance(3, "client", 10, { talk: "sustain" }),
  utterance(4, "client", 10, { talk: "change" }),
]);

// The shipped model's per-class F1 as docs/transcripts.md reports them.
const SHIPPED: CodeReliability = {
  reflection: 0.69,
  question: 0.9,
  simpleReflection: 0.51,
  complexReflection: 0.54,
  changeTalk: 0.46,
  sustainTalk: 0.29,
};
const SURE: CodeReliability = {
  reflection: 0.9,
  question: 0.9,
  simpleReflection: 0.9,
  complexReflection: 0.9,
  changeTalk: 0.9,
  sustainTalk: 0.9,
};

describe("the feedback gate", () => {
  it("states at F1 ≥ 0.70, hedges from 0.50, withholds below and without an evaluation", () => {
    const gate = DEFAULT_FEEDBACK_GATE;
    expect(certainty(0.7, gate)).toBe("state");
    expect(certainty(0.95, gate)).toBe("state");
    expect(certainty(0.69, gate)).toBe("hedge");
    expect(certainty(0.5, gate)).toBe("hedge");
    expect(certainty(0.49, gate)).toBe("withhold");
    expect(certainty(null, gate)).toBe("withhold");
  });

  it("takes its thresholds as configuration", () => {
    const strict = { stateAtF1: 0.9, hedgeAtF1: 0.8 };
    expect(certainty(0.85, strict)).toBe("hedge");
    expect(certainty(0.75, strict)).toBe("withhold");
  });

  it("rests a sentence on its weakest code, and on none when one is unevaluated", () => {
    expect(support(SHIPPED, ["changeTalk", "sustainTalk"])).toEqual({
      f1: 0.29,
      code: "sustain-talk",
    });
    expect(support(SHIPPED, ["reflection", "question"])).toEqual({
      f1: 0.69,
      code: "reflection",
    });
    expect(support({ changeTalk: 0.8 }, ["changeTalk", "sustainTalk"])).toEqual(
      { f1: null, code: "sustain-talk" },
    );
    expect(support(null, ["question"])).toEqual({ f1: null, code: "question" });
  });

  it("words each outcome so the reader knows how sure it is", () => {
    const say = (f1: number | null) =>
      gatedSentence(
        "It happened.",
        "what happened",
        { f1, code: "x" },
        DEFAULT_FEEDBACK_GATE,
      );
    expect(say(0.8)).toBe("It happened.");
    expect(say(0.6)).toBe(
      "Moderately sure (automated x codes, cross-validated F1 0.60; check the recording): It happened.",
    );
    expect(say(0.3)).toBe(
      "Not stated: what happened. The automated x codes are too unreliable to say (cross-validated F1 0.30, below 0.50).",
    );
    expect(say(null)).toMatch(/^Not stated: what happened\. .*no evaluation/);
  });
});

describe("gated feedback", () => {
  it("does not claim sustain talk outweighed change talk from a sustain-talk model at F1 0.29", () => {
    const lines = feedback(profile, SHIPPED).join("\n");
    expect(lines).not.toContain("Sustain talk outweighed change talk");
    expect(lines).not.toContain("were change talk");
    expect(lines).toContain(
      "Not stated: the balance of change talk and sustain talk. The automated sustain-talk codes are too unreliable to say (cross-validated F1 0.29, below 0.50).",
    );
  });

  it("states the same sentence plainly when the codes are reliable", () => {
    const lines = feedback(profile, SURE);
    expect(lines).toContain(
      "33% of the client's change-related statements were change talk (vs sustain talk). Sustain talk outweighed change talk: open questions and reflections of the client's own reasons tend to be followed by change talk (Apodaca et al. 2016).",
    );
    expect(lines.join("\n")).not.toContain("Moderately sure");
    expect(lines.join("\n")).not.toContain("Not stated");
  });

  it("hedges the reflection and complex-reflection sentences of the shipped model", () => {
    const lines = feedback(profile, SHIPPED);
    expect(lines).toContain(
      'Moderately sure (automated reflection codes, cross-validated F1 0.69; check the recording): Reflections kept pace with questions (R:Q 1.00); reaching 2:1 would meet the MITI 4 "good" threshold.',
    );
    expect(
      lines.some((l) =>
        l.startsWith(
          "Moderately sure (automated simple-reflection codes, cross-validated F1 0.51",
        ),
      ),
    ).toBe(true);
  });

  it("withholds every sentence on trained codes when no evaluation is on record, not the descriptive ones", () => {
    const lines = feedback(profile, null);
    expect(lines.filter((l) => l.startsWith("Not stated:"))).toHaveLength(3);
    expect(lines.join("\n")).toContain("not a quality threshold");
  });

  it("labels the 150-word monologue prompt a design choice and lets it be configured", () => {
    const prompt = (words: number) =>
      feedback(profile, SURE, {
        ...DEFAULT_FEEDBACK_OPTIONS,
        monologueWords: words,
      }).find((l) => l.startsWith("Your longest uninterrupted stretch"));
    expect(DEFAULT_FEEDBACK_OPTIONS.monologueWords).toBe(150);
    expect(prompt(150)).toContain(
      "(Prompted at 150 words or more: Rapport's design choice, not a published threshold.)",
    );
    expect(prompt(161)).toBeUndefined();
  });
});

describe("the recorded evaluation", () => {
  const record = {
    format: "rapport-transcript-evaluation",
    version: 1,
    modelSha256: "abc",
    method: "cv",
    tasks: {
      talk: {
        n: 3,
        macroF1: 0.49,
        perClass: { change: 0.46, neutral: 0.72, sustain: 0.29 },
      },
      reflectionPresent: {
        n: 3,
        macroF1: 0.77,
        perClass: { no: 0.85, yes: 0.69 },
      },
    },
  };

  it("gives each code the F1 of the class it counts", () => {
    expect(codeReliability(record, "abc")).toEqual({
      changeTalk: 0.46,
      sustainTalk: 0.29,
      reflection: 0.69,
    });
  });

  it("vouches for no other model file", () => {
    expect(codeReliability(record, "retrained")).toBeNull();
    expect(codeReliability({ ...record, format: "x" }, "abc")).toBeNull();
  });
});
