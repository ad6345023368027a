import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";
import { readAnnoMiFull } from "./annomi.js";
import { groupedFolds } from "./groupedFolds.js";
import { trainLogisticRegression } from "./logisticRegression.js";
import { predict } from "../coding/linearModel.js";
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
    };
    const model = trainLogisticRegression(set);
    expect(predict(model, Int32Array.from([0, 1])).label).toBe("yes");
    expect(predict(model, Int32Array.from([0, 2])).label).toBe("no");
    expect(trainLogisticRegression(set).weights).toEqual(model.weights);
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
