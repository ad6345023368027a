import { describe, expect, it } from "vitest";
import { bundledPack } from "./bundled.js";
import { score } from "./score.js";
import { GOLDEN_VECTORS } from "./fixtures/goldenVectors.js";
import type { Pack } from "./packSchema.js";

function pack(id: string): Pack {
  const found = bundledPack(id);
  if (!found) throw new Error(`no bundled pack ${id}`);
  return found;
}

describe("score: golden vectors", () => {
  it.each(GOLDEN_VECTORS.map((v) => [`${v.pack}: ${v.name}`, v] as const))(
    "%s",
    (_, v) => {
      const result = score(pack(v.pack), v.answers);
      expect(result.valid).toBe(v.valid);
      if (v.valid) {
        expect(result.total).toBeCloseTo(v.total ?? Number.NaN, 10);
        expect(result.reasons).toBeUndefined();
      } else {
        expect(result.total).toBeNull();
        expect(result.band).toBeNull();
        expect(result.reasons?.map((r) => r.code).sort()).toEqual(
          [...(v.reasons ?? [])].sort(),
        );
      }
      if (v.band !== undefined) expect(result.band?.label ?? null).toBe(v.band);
      if (v.clinical !== undefined) expect(result.clinical).toBe(v.clinical);
      expect(result.prorated).toBe(v.prorated ?? false);
      if (v.risk) expect(result.riskItems.map((r) => r.linkId)).toEqual(v.risk);
      for (const [id, value] of Object.entries(v.subscales ?? {})) {
        if (value === null) expect(result.subscales[id]).toBeNull();
        else expect(result.subscales[id]).toBeCloseTo(value, 10);
      }
      for (const [id, value] of Object.entries(v.derived ?? {})) {
        if (value === null) expect(result.derived[id]).toBeNull();
        else expect(result.derived[id]).toBeCloseTo(value, 10);
      }
    },
  );

  it("covers minimum and maximum of every bundled instrument", () => {
    const ids = [
      "phq-9",
      "phq-2",
      "gad-7",
      "gad-2",
      "who-5",
      "k10",
      "core-10",
      "rapport-alliance",
    ];
    for (const id of ids) {
      const names = GOLDEN_VECTORS.filter((v) => v.pack === id).map(
        (v) => v.name,
      );
      expect(names.some((n) => n.startsWith("minimum"))).toBe(true);
      expect(names.some((n) => n.startsWith("maximum"))).toBe(true);
    }
  });
});

describe("score: result shape", () => {
  it("lists the missing items and explains the prorating", () => {
    const result = score(pack("phq-9"), {
      q1: 1,
      q2: 1,
      q3: 1,
      q4: 1,
      q6: 1,
      q7: 1,
      q8: 1,
      q9: 0,
    });
    expect(result.missingItems).toEqual(["q5"]);
    expect(result.explanation.join(" ")).toMatch(/prorated/);
    expect(result.version).toBe("1.1.0");
  });

  it("keeps GAD-7's screening cut-off (10) apart from its caseness (8)", () => {
    const nine = score(pack("gad-7"), {
      q1: 2,
      q2: 2,
      q3: 2,
      q4: 1,
      q5: 1,
      q6: 1,
      q7: 0,
    });
    expect(nine).toMatchObject({ total: 9, clinical: false, caseness: true });
    expect(nine.explanation.join(" ")).toMatch(/At caseness: total ≥ 8/);
  });

  it("flags a WHO-5 item answered 0 or 1 for further assessment, beside the raw < 13 rule", () => {
    const result = score(pack("who-5"), { q1: 4, q2: 4, q3: 4, q4: 4, q5: 1 });
    expect(result).toMatchObject({ total: 17, clinical: false });
    expect(result.flags.map((f) => [f.linkId, f.value])).toEqual([["q5", 1]]);
    expect(result.explanation.join(" ")).toMatch(
      /Item q5 answered 1: .*further assessment.*Psychiatric Research Unit.*1998/,
    );
    const none = score(pack("who-5"), { q1: 3, q2: 3, q3: 3, q4: 2, q5: 2 });
    expect(none.flags).toEqual([]);
  });

  it("says CORE-10 items 2 and 3 take option positions, which Rapport reverses", () => {
    const result = score(pack("core-10"), {
      q1: 0,
      q2: 0,
      q3: 0,
      q4: 0,
      q5: 0,
      q6: 0,
      q7: 0,
      q8: 0,
      q9: 0,
      q10: 0,
    });
    expect(pack("core-10").scoring.reverse?.answers).toBe("option-position");
    expect(result.total).toBe(8);
    expect(result.explanation.join(" ")).toMatch(
      /Reverse-scored items: q2, q3; their answers are option positions/,
    );
  });

  it("treats null as unanswered", () => {
    const result = score(pack("gad-7"), {
      q1: 2,
      q2: 2,
      q3: 2,
      q4: 2,
      q5: 2,
      q6: 2,
      q7: null,
    });
    expect(result).toMatchObject({
      valid: true,
      total: 14,
      prorated: true,
      missingItems: ["q7"],
    });
  });

  it("labels the Rapport check-in as not validated in its explanation", () => {
    const result = score(pack("rapport-alliance"), {
      goals: 8,
      tasks: 8,
      bond: 8,
      overall: 8,
    });
    expect(result.explanation.join(" ")).toMatch(/Not a validated instrument/);
  });

  it("never throws on hostile input", () => {
    const weird = {
      q1: Number.NaN,
      q2: Infinity,
      q3: [],
      q4: {},
      q5: true,
      constructor: 1,
      __proto__: 2,
    };
    const result = score(pack("phq-9"), weird);
    expect(result.valid).toBe(false);
    expect(result.reasons?.length).toBeGreaterThan(0);
  });
});
