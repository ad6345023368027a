import { describe, expect, it } from "vitest";
import { validatePack } from "./validatePack.js";
import { loadPacks } from "./loadPacks.js";
import { bundledPackVersions, bundledPacks } from "./bundled.js";
import type { Pack } from "./packSchema.js";
import vasAlliance from "./fixtures/licensed-vas-alliance.json" with { type: "json" };
import phq9Json from "../../../instruments/phq-9.json" with { type: "json" };

function phq9(): Pack {
  return structuredClone(phq9Json) as Pack;
}

function problemsOf(json: unknown): string[] {
  const result = validatePack(json);
  return result.ok ? [] : result.problems;
}

describe("validatePack", () => {
  it("accepts every bundled pack", () => {
    expect([...bundledPacks().keys()].sort()).toEqual([
      "core-10",
      "gad-2",
      "gad-7",
      "k10",
      "phq-2",
      "phq-9",
      "rapport-alliance",
      "who-5",
    ]);
  });

  it("keeps every version a changed bundled pack replaced, each older than the current one", () => {
    const versions = (id: string) =>
      bundledPackVersions()
        .filter((p) => p.id === id)
        .map((p) => p.version)
        .sort();
    for (const id of ["phq-9", "gad-7", "who-5", "core-10"])
      expect(versions(id)).toEqual(["1.0.0", "1.1.0"]);
    expect(versions("k10")).toEqual(["1.0.0"]);
    expect(bundledPacks().get("core-10")?.version).toBe("1.1.0");
  });

  it("checks caseness, item flags and score-compatible versions", () => {
    const pack = phq9();
    const broken = {
      ...pack,
      scoreCompatibleWith: ["1.0.0", "9.0.0"],
      scoring: {
        ...pack.scoring,
        caseness: { ...pack.scoring.caseness!, value: 40 },
        itemFlags: [
          { items: ["q1", "q99"], values: [1, 7], message: "m", source: "s" },
        ],
      },
    };
    expect(problemsOf(broken)).toEqual([
      "scoring.caseness: 40 is outside the total's range 0–27",
      "scoring.itemFlags[0]: 7 is not an answer item q1 allows",
      "scoring.itemFlags[0]: q99 is not an answerable item",
      "scoreCompatibleWith: 9.0.0 is not an earlier version than 1.1.0",
    ]);
  });

  it("accepts the licensed visual-analogue alliance fixture", () => {
    const result = validatePack(vasAlliance);
    expect(result.ok).toBe(true);
  });

  it("lists every schema problem, not just the first", () => {
    const broken = {
      ...phq9(),
      id: "PHQ 9",
      kind: "symptom",
      validated: "yes",
    } as unknown;
    const problems = problemsOf(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/id/),
        expect.stringMatching(/^\/kind/),
        expect.stringMatching(/^\/validated/),
      ]),
    );
  });

  it("rejects unknown properties (typos in the spec)", () => {
    const pack = phq9();
    const broken = {
      ...pack,
      scoring: { ...pack.scoring, reverseItems: ["q1"] },
    };
    expect(problemsOf(broken)).toEqual([
      "/scoring: unknown property reverseItems",
    ]);
  });

  it("rejects a non-object", () => {
    expect(problemsOf("phq-9").length).toBeGreaterThan(0);
    expect(problemsOf(null).length).toBeGreaterThan(0);
  });

  it("finds unknown linkIds in the scoring spec, reverse list and subscales together", () => {
    const pack = phq9();
    pack.scoring.items = [...pack.scoring.items.slice(0, 8), "q99"];
    pack.scoring.reverse = { items: ["q42"], source: "test" };
    pack.scoring.subscales = [{ id: "a", label: "A", items: ["q1", "stem"] }];
    const problems = problemsOf(pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        "scoring.items: unknown linkId q99",
        "scoring.reverse: q42 is not one of scoring.items",
        "scoring.subscales.a: stem is not one of scoring.items",
      ]),
    );
  });

  it("finds bands that leave a gap, overlap or do not cover the range", () => {
    const pack = phq9();
    pack.scoring.bands = {
      source: "test",
      ranges: [
        { min: 1, max: 4, label: "a" },
        { min: 6, max: 9, label: "b" },
        { min: 9, max: 26, label: "c" },
      ],
    };
    const problems = problemsOf(pack);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/first band must start at the lowest total, 0/),
        expect.stringMatching(/last band must end at the highest total, 27/),
        expect.stringMatching(/"a" and "b" leave a gap/),
        expect.stringMatching(/"b" and "c" leave a gap or overlap/),
      ]),
    );
  });

  it("finds a cut-off outside the range and a risk trigger that is not an answer", () => {
    const pack = phq9();
    pack.scoring.cutoff = { value: 30, description: "x", source: "test" };
    pack.scoring.risk = [{ item: "q9", triggerValues: [4], source: "test" }];
    expect(problemsOf(pack)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/cutoff: 30 is outside/),
        expect.stringMatching(/trigger value 4 is not an answer/),
      ]),
    );
  });

  it("insists that a risk item is required, so it is never prorated away", () => {
    const pack = phq9();
    const q9 = pack.questionnaire.item.find((i) => i.linkId === "q9");
    if (q9) q9.required = false;
    expect(problemsOf(pack)).toEqual([
      expect.stringMatching(/risk item q9 must be required/),
    ]);
  });

  it("finds options without an ordinalValue and repeated linkIds", () => {
    const pack = phq9();
    const [stem, q1, ...rest] = pack.questionnaire.item;
    if (!stem || !q1) throw new Error("fixture");
    const bare = {
      ...q1,
      answerOption: q1.answerOption?.map((o) => ({
        valueCoding: o.valueCoding,
      })),
    };
    pack.questionnaire.item = [stem, bare, ...rest, { ...stem }];
    expect(problemsOf(pack)).toEqual(
      expect.arrayContaining([
        "questionnaire: linkId stem is repeated",
        "questionnaire item q1: every answerOption needs an ordinalValue extension",
      ]),
    );
  });

  it("needs a notice on unvalidated instruments and an SD floor on alliance ones", () => {
    const pack = phq9();
    const broken = { ...pack, kind: "alliance", validated: false };
    expect(problemsOf(broken)).toEqual([
      expect.stringMatching(/^notice:/),
      expect.stringMatching(/^scoring.ruptureSdFloor: an alliance/),
    ]);
  });

  it("needs min and max on number items", () => {
    const pack = structuredClone(vasAlliance) as Pack;
    const first = pack.questionnaire.item[0];
    if (first) first.extension = [];
    expect(problemsOf(pack)).toEqual([
      "questionnaire item relationship: a decimal item needs minValue and maxValue extensions",
    ]);
  });
});

describe("loadPacks", () => {
  it("keys packs by id and reports duplicates and broken documents by name", () => {
    const loaded = loadPacks([phq9(), phq9(), { id: "broken" }]);
    expect([...loaded.packs.keys()]).toEqual(["phq-9"]);
    expect(loaded.problems[0]).toBe("phq-9: id is used by two packs");
    expect(
      loaded.problems.slice(1).every((p) => p.startsWith("broken: ")),
    ).toBe(true);
  });
});
