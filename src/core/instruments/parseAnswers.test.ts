import { describe, expect, it } from "vitest";
import { parseAnswers } from "./parseAnswers.js";
import { bundledPack } from "./bundled.js";
import { score } from "./score.js";

const phq9 = bundledPack("phq-9")!;
const k10 = bundledPack("k10")!;

describe("parseAnswers", () => {
  it("reads comma-separated values in item order", () => {
    expect(parseAnswers(phq9, "1,2,0,1,0,1,0,0,0")).toEqual({
      ok: true,
      answers: {
        q1: 1,
        q2: 2,
        q3: 0,
        q4: 1,
        q5: 0,
        q6: 1,
        q7: 0,
        q8: 0,
        q9: 0,
      },
    });
  });

  it("leaves empty cells unanswered and includes the unscored difficulty item", () => {
    const parsed = parseAnswers(phq9, " 1, 2, ,1,0,1,0,0,0, 3");
    expect(parsed).toEqual({
      ok: true,
      answers: {
        q1: 1,
        q2: 2,
        q4: 1,
        q5: 0,
        q6: 1,
        q7: 0,
        q8: 0,
        q9: 0,
        difficulty: 3,
      },
    });
  });

  it("reads a JSON object", () => {
    expect(parseAnswers(k10, '{"q1": 5, "q2": 1}')).toEqual({
      ok: true,
      answers: { q1: 5, q2: 1 },
    });
  });

  it("reports malformed input as problems", () => {
    expect(parseAnswers(phq9, "{q1: 1}").ok).toBe(false);
    expect(parseAnswers(phq9, "[1,2]").ok).toBe(false);
    expect(parseAnswers(phq9, "").ok).toBe(false);
    expect(parseAnswers(phq9, "0,0,0,0,0,0,0,0,0,0,0")).toEqual({
      ok: false,
      problems: ["11 values given; phq-9 has 10 questions"],
    });
  });

  it("passes text through so scoring names it as a wrong type", () => {
    const parsed = parseAnswers(phq9, "one,0,0,0,0,0,0,0,0");
    if (!parsed.ok) throw new Error("expected ok");
    expect(score(phq9, parsed.answers).reasons?.map((r) => r.code)).toEqual([
      "wrong-type",
    ]);
  });
});
