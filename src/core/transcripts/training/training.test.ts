import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";
import { readAnnoMiFull } from "./annomi.js";
import { groupedFolds } from "./groupedFolds.js";
import { trainLogisticRegression } from "./logisticRegression.js";
import {
  inverseDocumentFrequency,
  predict,
  probabilities,
} from "../coding/linearModel.js";
import { featureWeights } from "./trainModels.js";
import { f1PerClass, macroF1 } from "./metrics.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and newlines", () => {
    expect(parseCsv('a,b\n"x, ""y""","line1\nline2"\r\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "line1\nline2"],
    ]);
  });
});

describe("readAnnoMiFull", () => {
  const header =
    "transcript_id,utterance_id,interlocutor,utterance_text,annotator_id,reflection_exists,reflection_subtype,question_exists,question_subtype,main_therapist_behaviour,client_talk_type";
  const rows = [
    "1,0,therapist,So you want to stop.,a,True,complex,False,n/a,reflection,n/a",
    "1,0,therapist,So you want to stop.,b,True,simple,False,n/a,reflection,n/a",
    "1,0,therapist,So you want to stop.,c,True,complex,True,open,question,n/a",
    "1,1,client,I do.,a,n/a,n/a,n/a,n/a,n/a,change",
  ];

  it("keeps one utterance per annotator group with majority labels", () => {
    const utterances = readAnnoMiFull([header, ...rows].join("\n"));
    expect(utterances).toHaveLength(2);
    expect(utterances[0]).toMatchObject({
      behaviour: "reflection",
      reflection: "complex",
      question: null,
      talk: null,
    });
    expect(utterances[1]).toMatchObject({
      role: "client",
      talk: "change",
      behaviour: null,
    });
  });
});

describe("groupedFolds", () => {
  it("is deterministic for a seed and keeps each group in one fold", () => {
    const ids = ["a", "b", "c", "d", "e", "a", "b"];
    const folds = groupedFolds(ids, 2, 7);
    expect(groupedFolds(ids, 2, 7)).toEqual(folds);
    expect(new Set(folds.values())).toEqual(new Set([0, 1]));
    expect(folds.size).toBe(5);
  });
});

describe("trainLogisticRegression", () => {
  it("learns a separable toy problem deterministically", () => {
    const set = {
      examples: [
        [0, 1],
        [0, 1],
        [0, 2],
        [0, 2],
      ].map((x) => Int32Array.from(x)),
      targets: [0, 0, 1, 1],
      labels: ["yes", "no"],
      featureCount: 3,
      featureWeights: [1, 2, 2],
    };
    const model = trainLogisticRegression(set);
    const weights = set.featureWeights;
    expect(predict(model, Int32Array.from([0, 1]), weights).label).toBe("yes");
    expect(predict(model, Int32Array.from([0, 2]), weights).label).toBe("no");
    expect(trainLogisticRegression(set).weights).toEqual(model.weights);
  });
});

describe("feature weights", () => {
  it("are the smoothed idf, rounded to 4 decimals, or all 1 when binary", () => {
    const frequencies = new Map([
      ["w:the", 99],
      ["w:quit", 3],
    ]);
    // 1 + ln(101 / 100) = 1.00995; 1 + ln(101 / 4) = 4.22883
    expect(
      featureWeights(["w:the", "w:quit"], frequencies, 100, "idf"),
    ).toEqual([1.01, 4.2288]);
    expect(
      featureWeights(["w:the", "w:quit"], frequencies, 100, "binary"),
    ).toEqual([1, 1]);
    expect(inverseDocumentFrequency(3, 100)).toBeCloseTo(4.22883, 5);
  });

  it("scale each utterance's vector to unit length", () => {
    const model = { labels: ["a", "b"], bias: [0, 0], weights: [1, 0, 0, 1] };
    // features 0 and 1 weighted 3 and 4: values 0.6 and 0.8, so scores 0.6 vs 0.8
    const [a, b] = probabilities(model, [0, 1], [3, 4]);
    expect(b! / a!).toBeCloseTo(Math.exp(0.2));
  });
});

describe("metrics", () => {
  it("computes F1 per class and macro-F1 by hand", () => {
    const gold = ["a", "a", "b", "b"];
    const guess = ["a", "b", "b", "b"];
    // a: tp1 fp0 fn1 -> 2/3; b: tp2 fp1 fn0 -> 4/5
    expect(f1PerClass(gold, guess, ["a", "b"])).toEqual({ a: 2 / 3, b: 0.8 });
    expect(macroF1(gold, guess)).toBeCloseTo((2 / 3 + 0.8) / 2);
  });
});
