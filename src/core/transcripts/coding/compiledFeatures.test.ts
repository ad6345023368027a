import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { activeFeatures, transcriptFeatures } from "./features.js";
import { compiledActive, tokenIds } from "./compiledFeatures.js";
import { loadTranscriptModels } from "./modelBundle.js";
import { tokenize } from "./tokenize.js";

const models = loadTranscriptModels(
  JSON.parse(
    readFileSync(
      new URL("../../../../models/transcripts.json", import.meta.url),
      "utf8",
    ),
  ),
);

const TEXTS = [
  "Hi Sam, thanks for coming in. How have things been this week?",
  "Honestly not great. I keep drinking more than I want to... 3 or 4 beers!",
  "So you're worried. What would you like to do about it? I don't know",
  "",
  "zzqx unknownword 12:30 __odd__ token?",
  "NO. I CAN'T QUIT, I Don't Want To.",
];

describe("compiled features", () => {
  it("match the string feature definition for both roles", () => {
    const tokens = TEXTS.map(tokenize);
    for (const roles of [
      ["therapist", "client", "therapist", "therapist", "client"],
      ["client", "client", "therapist", "client", "therapist"],
    ]) {
      const features = transcriptFeatures(tokens, roles);
      tokens.forEach((current, i) => {
        const role =
          roles[i] === "therapist" ? models.therapist : models.client;
        const ids = tokenIds(role.compiled, current);
        const neighbour = (j: number) =>
          j >= 0 && j < tokens.length
            ? tokenIds(role.compiled, tokens[j]!)
            : undefined;
        const fast = [
          ...compiledActive(role.compiled, ids, {
            previous: neighbour(i - 1),
            previousSameRole: i > 0 && roles[i - 1] === roles[i],
            next: neighbour(i + 1),
            nextSameRole: i + 1 < tokens.length && roles[i + 1] === roles[i],
          }),
        ].sort((a, b) => a - b);
        const slow = [...activeFeatures(features[i]!, role.index)].sort(
          (a, b) => a - b,
        );
        expect(fast).toEqual(slow);
      });
    }
  });
});

describe("feature tokens", () => {
  it("fold case and write n't as not, so casing does not change the features", () => {
    const features = (text: string) =>
      transcriptFeatures([tokenize(text)], ["client"])[0];
    expect(features("I CAN'T quit. NO WAY")).toEqual(
      features("i can't quit. no way"),
    );
    expect(features("I don't")).toContain("b:do not");
  });
});

describe("fused models", () => {
  it("give the same label and confidence as each model alone", async () => {
    const { predictAll } = await import("./fusedModels.js");
    const { predict } = await import("./linearModel.js");
    for (const text of TEXTS) {
      const active = activeFeatures(
        transcriptFeatures([tokenize(text)], ["therapist"])[0]!,
        models.therapist.index,
      );
      const all = predictAll(models.therapist.fused, active);
      for (const task of [
        "behaviour",
        "reflectionPresent",
        "reflectionType",
        "questionPresent",
        "questionType",
      ] as const) {
        const alone = predict(
          models.therapist.models[task],
          active,
          models.therapist.idf,
        );
        expect(all[task].label).toBe(alone.label);
        expect(all[task].confidence).toBeCloseTo(alone.confidence, 4);
      }
    }
  });
});
