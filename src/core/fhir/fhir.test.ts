// FHIR R4 output: structurally valid per @medplum/core, and the exported calculatedExpression
// evaluates (fhirpath.js, R4 model) to score()'s total on every golden vector.
import fhirpath from "fhirpath";
import r4 from "fhirpath/fhir-context/r4";
import { describe, expect, it } from "vitest";
import { validateFhir } from "../../../test/support/fhirValidator.js";
import { bundledPack, bundledPacks } from "../instruments/bundled.js";
import { score } from "../instruments/score.js";
import { validatePack } from "../instruments/validatePack.js";
import { GOLDEN_VECTORS } from "../instruments/fixtures/goldenVectors.js";
import vasJson from "../instruments/fixtures/licensed-vas-alliance.json" with { type: "json" };
import type { Pack } from "../instruments/packSchema.js";
import {
  CALCULATED_EXPRESSION_URL,
  toFhirQuestionnaire,
  totalLinkId,
} from "./questionnaireExport.js";
import { toFhirQuestionnaireResponse } from "./questionnaireResponse.js";
import { collectionBundle, searchsetBundle } from "./bundle.js";
import { checkResponseAgainstQuestionnaire } from "./checkResponse.js";
import type { FhirQuestionnaire, FhirQuestionnaireResponse } from "./types.js";

const baseUrl = "https://clinic.example/fhir/R4";
const ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

function vasPack(): Pack {
  const result = validatePack(vasJson);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.pack;
}

function packById(id: string): Pack {
  const pack = bundledPack(id);
  if (!pack) throw new Error(id);
  return pack;
}

function expressionOf(q: FhirQuestionnaire): string {
  const item = q.item?.find((i) => i.readOnly === true);
  const expression = item?.extension?.find(
    (e) => e.url === CALCULATED_EXPRESSION_URL,
  )?.valueExpression?.expression;
  if (!expression) throw new Error("no calculatedExpression");
  return expression;
}

function evaluateTotal(
  q: FhirQuestionnaire,
  qr: FhirQuestionnaireResponse,
): unknown[] {
  return fhirpath.evaluate(
    qr,
    expressionOf(q),
    { resource: qr, questionnaire: q },
    r4,
  ) as unknown[];
}

/** Answers a QuestionnaireResponse can carry: the valid numbers (wrong types and unknown items dropped). */
function representable(
  pack: Pack,
  answers: Readonly<Record<string, unknown>>,
): Record<string, number> | undefined {
  const numbers = Object.entries(answers).filter(
    (e): e is [string, number] => typeof e[1] === "number",
  );
  const result = score(pack, Object.fromEntries(numbers));
  const refused = (result.reasons ?? []).some(
    (r) => r.code !== "required-missing" && r.code !== "too-many-missing",
  );
  return refused ? undefined : Object.fromEntries(numbers);
}

function expectValid(resource: object): void {
  expect(() => {
    validateFhir(resource);
  }).not.toThrow();
}

const allPacks = (): Pack[] => [...bundledPacks().values(), vasPack()];

describe("exported Questionnaire", () => {
  it.each(allPacks().map((p) => [p.id, p] as const))(
    "%s is valid FHIR R4",
    (_, pack) => {
      expectValid(toFhirQuestionnaire(pack, { baseUrl }));
    },
  );

  it("is checked by a live validator (a broken export would fail)", () => {
    const q = toFhirQuestionnaire(packById("phq-2"), { baseUrl });
    const broken = {
      ...q,
      item: [{ ...q.item?.[1], linkId: undefined, bogus: 1 }],
    };
    expect(() => {
      validateFhir(broken);
    }).toThrow();
  });

  it("puts an ordinalValue on every scored option, reversed for reverse-scored items", () => {
    const q = toFhirQuestionnaire(packById("core-10"), { baseUrl });
    const weights = (linkId: string) =>
      q.item
        ?.find((i) => i.linkId === linkId)
        ?.answerOption?.map(
          (o) => o.extension?.find((e) => e.url === ORDINAL)?.valueDecimal,
        );
    expect(weights("q1")).toEqual([0, 1, 2, 3, 4]);
    expect(weights("q2")).toEqual([4, 3, 2, 1, 0]);
    for (const item of q.item ?? []) {
      for (const option of item.answerOption ?? []) {
        expect(option.extension?.filter((e) => e.url === ORDINAL)).toHaveLength(
          1,
        );
      }
    }
  });

  it("has a read-only total with LOINC code, canonical url and version", () => {
    const q = toFhirQuestionnaire(packById("phq-9"), { baseUrl });
    const total = q.item?.at(-1);
    expect(total).toMatchObject({
      linkId: "phq-9-total",
      readOnly: true,
      type: "decimal",
      code: [{ code: "44261-6" }],
    });
    expect(q).toMatchObject({
      id: "phq-9",
      url: `${baseUrl}/Questionnaire/phq-9`,
      version: "1.1.0",
    });
    expect(q.code?.[0]?.code).toBe("44249-1");
  });

  it("shows the not-validated notice in the exported description", () => {
    expect(
      toFhirQuestionnaire(packById("rapport-alliance"), { baseUrl })
        .description,
    ).toMatch(/^Not a validated instrument/);
  });
});

describe("calculatedExpression agrees with score() on every golden vector", () => {
  const vectors = GOLDEN_VECTORS.map(
    (v) => [`${v.pack}: ${v.name}`, v] as const,
  );
  it.each(vectors)("%s", (_, v) => {
    const pack = packById(v.pack);
    const answers = representable(pack, v.answers);
    if (!answers) return; // an answer a QuestionnaireResponse cannot carry (off the scale, wrong type)
    const q = toFhirQuestionnaire(pack, { baseUrl });
    const qr = toFhirQuestionnaireResponse(
      pack,
      { id: "r1", answers, authored: "2025-01-06T10:00:00Z" },
      { baseUrl },
    );
    const expected = score(pack, answers);
    const result = evaluateTotal(q, qr);
    if (expected.total === null) expect(result).toEqual([]);
    else {
      expect(result).toHaveLength(1);
      expect(Number(result[0])).toBeCloseTo(expected.total, 9);
    }
  });

  it("also for the licensed visual-analogue fixture with decimal answers", () => {
    const pack = vasPack();
    const answers = {
      relationship: 9.5,
      goals: 8.2,
      approach: 7.7,
      overall: 9.1,
    };
    const q = toFhirQuestionnaire(pack, { baseUrl });
    const qr = toFhirQuestionnaireResponse(
      pack,
      { id: "r2", answers, authored: "2025-01-06T10:00:00Z" },
      { baseUrl },
    );
    expect(Number(evaluateTotal(q, qr)[0])).toBeCloseTo(34.5, 9); // 9.5 + 8.2 + 7.7 + 9.1
    expect(score(pack, answers).total).toBeCloseTo(34.5, 9);
  });
});

describe("QuestionnaireResponse and Bundles", () => {
  const pack = packById("phq-9");
  const q = toFhirQuestionnaire(pack, { baseUrl });
  const answers = {
    q1: 1,
    q2: 2,
    q3: 0,
    q4: 1,
    q5: 0,
    q6: 1,
    q7: 0,
    q8: 0,
    q9: 0,
    difficulty: 1,
  };
  const qr = toFhirQuestionnaireResponse(
    pack,
    {
      id: "r1",
      answers,
      authored: "2025-01-06T10:00:00Z",
      subject: { reference: "Patient/c1" },
      total: 5,
    },
    { baseUrl },
  );

  it("builds a valid response that matches its questionnaire", () => {
    expectValid(qr);
    expect(qr.questionnaire).toBe(`${baseUrl}/Questionnaire/phq-9|1.1.0`);
    expect(
      qr.item?.find((i) => i.linkId === "q2")?.answer?.[0]?.valueCoding,
    ).toMatchObject({ code: "LA6570-1", display: "More than half the days" });
    expect(
      qr.item?.find((i) => i.linkId === totalLinkId(pack))?.answer,
    ).toEqual([{ valueDecimal: 5 }]);
    expect(checkResponseAgainstQuestionnaire(q, qr)).toEqual([]);
  });

  it("refuses to export a stored answer that is not an option (programmer error)", () => {
    expect(() =>
      toFhirQuestionnaireResponse(
        pack,
        { id: "x", answers: { q1: 7 }, authored: "2025-01-06T10:00:00Z" },
        { baseUrl },
      ),
    ).toThrow();
  });

  it("builds valid searchset and collection Bundles", () => {
    const search = searchsetBundle([qr], {
      baseUrl,
      selfUrl: `${baseUrl}/QuestionnaireResponse?subject=c1`,
    });
    expect(search).toMatchObject({
      type: "searchset",
      total: 1,
      entry: [
        {
          fullUrl: `${baseUrl}/QuestionnaireResponse/r1`,
          search: { mode: "match" },
        },
      ],
    });
    expectValid(search);
    expectValid(collectionBundle([q, qr], { baseUrl }));
  });

  it("finds what the structural validator does not: unknown linkIds, foreign answers, missing required items", () => {
    const bad: FhirQuestionnaireResponse = {
      ...qr,
      questionnaire: `${baseUrl}/Questionnaire/phq-9|0.9.0`,
      item: [
        {
          linkId: "q1",
          answer: [
            { valueCoding: { system: "http://loinc.org", code: "LA9999-9" } },
          ],
        },
        { linkId: "q2", answer: [{ valueInteger: 2 }] },
        {
          linkId: "q3",
          answer: [
            { valueCoding: { system: "http://loinc.org", code: "LA6568-5" } },
            { valueCoding: { system: "http://loinc.org", code: "LA6569-3" } },
          ],
        },
        {
          linkId: "q4",
          answer: [
            { valueCoding: { system: "http://loinc.org", code: "LA6568-5" } },
          ],
        },
        {
          linkId: "q4",
          answer: [
            { valueCoding: { system: "http://loinc.org", code: "LA6568-5" } },
          ],
        },
        { linkId: "stem", answer: [{ valueInteger: 1 }] },
        { linkId: "q99", answer: [{ valueInteger: 1 }] },
      ],
    };
    expectValid(bad); // structurally fine…
    expect(checkResponseAgainstQuestionnaire(q, bad)).toEqual([
      "questionnaire: response is for version 0.9.0, not 1.1.0",
      "q4: appears more than once",
      "q1: answer http://loinc.org|LA9999-9 is not an allowed option",
      "q2: answer without a valueCoding is not an allowed option",
      "q3: 2 answers to a question that takes one",
      "stem: a display item takes no answer",
      "q99: not an item of the Questionnaire",
      "q9: required, not answered",
    ]);
  });

  it("checks ranges of number items", () => {
    const vas = vasPack();
    const vq = toFhirQuestionnaire(vas, { baseUrl });
    const vr: FhirQuestionnaireResponse = {
      resourceType: "QuestionnaireResponse",
      status: "completed",
      item: [
        { linkId: "relationship", answer: [{ valueDecimal: 10.5 }] },
        { linkId: "goals", answer: [{ valueDecimal: 5 }] },
        { linkId: "approach", answer: [{ valueCoding: { code: "5" } }] },
      ],
    };
    expect(checkResponseAgainstQuestionnaire(vq, vr)).toEqual([
      "relationship: 10.5 is outside 0–10",
      "approach: expected a decimal answer",
      "overall: required, not answered",
    ]);
  });
});
