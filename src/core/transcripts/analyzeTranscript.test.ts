import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeTranscript } from "./analyzeTranscript.js";
import { loadTranscriptModels } from "./coding/modelBundle.js";
import type { CodeReliability } from "./coding/modelEvaluation.js";
import { parseTranscript } from "./parseTranscript.js";

const models = loadTranscriptModels(
  JSON.parse(
    readFileSync(
      new URL("../../../models/transcripts.json", import.meta.url),
      "utf8",
    ),
  ),
);
const parsed = parseTranscript(
  readFileSync(
    new URL("./fixtures/coding-session.txt", import.meta.url),
    "utf8",
  ),
  "text",
);

function analysis() {
  if (!parsed.ok) throw new Error(parsed.error.message);
  const result = analyzeTranscript(parsed.utterances, models);
  if (!result.ok) throw new Error(result.reason);
  return result.analysis;
}

describe("analyzeTranscript on a small session", () => {
  const { utterances, profile } = analysis();

  it("infers the counsellor as therapist", () => {
    expect(utterances.map((u) => u.role)).toEqual(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? "therapist" : "client",
      ),
    );
    expect(profile.rolesInferred).toBe(true);
  });

  it("codes questions and reflections of the therapist", () => {
    expect(utterances[0]).toMatchObject({
      behaviour: "question",
      question: "open",
    });
    expect(utterances[2]).toMatchObject({
      behaviour: "question",
      question: "closed",
      reflection: null,
    });
    expect(utterances[4]).toMatchObject({ behaviour: "reflection" });
    expect(utterances[4]!.reflection).not.toBeNull();
    expect(utterances[6]).toMatchObject({
      behaviour: "question",
      question: "open",
    });
  });

  it("codes client talk and leaves therapist codes null for the client", () => {
    expect(utterances[5]).toMatchObject({
      talk: "change",
      behaviour: null,
      reflection: null,
      question: null,
      empathy: null,
    });
    expect(utterances[0]!.talk).toBeNull();
  });

  it("flags withdrawal after an open question and confrontation", () => {
    expect(utterances[7]!.markers).toEqual(["withdrawal"]);
    expect(utterances[9]!.markers).toEqual(["confrontation"]);
    expect(profile.ruptureMarkers.map((m) => m.index)).toEqual([7, 9]);
  });

  it("gives empathy levels to therapist utterances", () => {
    expect(utterances[8]!.empathy?.interpretation).toBe(2);
    expect(utterances[6]!.empathy?.exploration).toBeGreaterThanOrEqual(1);
  });

  it("reports confidences between 0 and 1 for the codes given", () => {
    for (const u of utterances) {
      for (const value of Object.values(u.confidence)) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(Object.keys(u.confidence)).toContain(
        u.role === "therapist" ? "behaviour" : "talk",
      );
    }
  });
});

describe("analyzeTranscript's label and feedback gate", () => {
  const modelJson = JSON.parse(
    readFileSync(
      new URL("../../../models/transcripts.json", import.meta.url),
      "utf8",
    ),
  ) as unknown;
  const run = (
    reliability: CodeReliability | null,
    feedback?: Parameters<typeof analyzeTranscript>[2],
  ) => {
    if (!parsed.ok) throw new Error(parsed.error.message);
    const result = analyzeTranscript(
      parsed.utterances,
      loadTranscriptModels(modelJson, reliability),
      feedback,
    );
    if (!result.ok) throw new Error(result.reason);
    return result.analysis.profile;
  };
  const sure: CodeReliability = {
    reflection: 0.8,
    question: 0.8,
    simpleReflection: 0.8,
    complexReflection: 0.8,
    changeTalk: 0.8,
    sustainTalk: 0.8,
  };

  it("labels the profile an automated estimate, not a MITI rating", () => {
    expect(run(sure).label).toBe("automated estimate, not a MITI rating");
    expect(run(sure).codeF1).toEqual(sure);
  });

  it("reads the F1 from the models and the thresholds from the options", () => {
    const plain = run(sure).feedback;
    expect(plain.some((l) => l.startsWith("Moderately sure"))).toBe(false);
    expect(plain.some((l) => l.startsWith("Not stated"))).toBe(false);
    const strict = run(sure, {
      feedback: {
        gate: { stateAtF1: 0.9, hedgeAtF1: 0.75 },
        monologueWords: 150,
      },
    }).feedback;
    expect(strict.filter((l) => l.startsWith("Moderately sure"))).toHaveLength(
      3,
    );
  });

  it("withholds the sentences on trained codes for models with no evaluation", () => {
    expect(run(null).codeF1).toBeNull();
    const lines = run(null).feedback;
    expect(lines.filter((l) => l.startsWith("Not stated"))).toHaveLength(3);
    expect(lines.join("\n")).toContain("no evaluation on record");
  });
});
