// Checks a QuestionnaireResponse against its Questionnaire: linkIds, allowed answers and
// required items, which FHIR's structural validation does not do (stack-notes.md §6).
import type {
  FhirAnswer,
  FhirExtension,
  FhirQuestionnaire,
  FhirQuestionnaireItem,
  FhirQuestionnaireResponse,
  FhirResponseItem,
} from "./types.js";

const MIN_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";

function flatten<T extends { readonly item?: readonly T[] }>(
  items: readonly T[] | undefined,
): T[] {
  return (items ?? []).flatMap((item) => [item, ...flatten(item.item)]);
}

function bound(
  extensions: readonly FhirExtension[] | undefined,
  url: string,
): number | undefined {
  const e = extensions?.find((x) => x.url === url);
  return e?.valueDecimal ?? e?.valueInteger;
}

function numberProblem(
  item: FhirQuestionnaireItem,
  value: number | undefined,
  kind: "integer" | "decimal",
): string | undefined {
  if (value === undefined || (kind === "integer" && !Number.isInteger(value)))
    return `${item.linkId}: expected a ${kind} answer`;
  const min = bound(item.extension, MIN_VALUE_URL);
  const max = bound(item.extension, MAX_VALUE_URL);
  if ((min !== undefined && value < min) || (max !== undefined && value > max))
    return `${item.linkId}: ${value} is outside ${min ?? "…"}–${max ?? "…"}`;
  return undefined;
}

function answerProblem(
  item: FhirQuestionnaireItem,
  answer: FhirAnswer,
): string | undefined {
  switch (item.type) {
    case "choice": {
      const coding = answer.valueCoding;
      const allowed = (item.answerOption ?? []).some(
        (o) =>
          coding !== undefined &&
          o.valueCoding.code === coding.code &&
          o.valueCoding.system === coding.system,
      );
      return allowed
        ? undefined
        : `${item.linkId}: answer ${coding ? `${coding.system ?? ""}|${coding.code}` : "without a valueCoding"} is not an allowed option`;
    }
    case "integer":
      return numberProblem(item, answer.valueInteger, "integer");
    case "decimal":
      return numberProblem(
        item,
        answer.valueDecimal ?? answer.valueInteger,
        "decimal",
      );
    case "display":
    case "group":
      return `${item.linkId}: a ${item.type} item takes no answer`;
  }
}

function itemProblems(
  byLinkId: ReadonlyMap<string, FhirQuestionnaireItem>,
  responseItem: FhirResponseItem,
): string[] {
  const item = byLinkId.get(responseItem.linkId);
  if (!item)
    return [`${responseItem.linkId}: not an item of the Questionnaire`];
  const answers = responseItem.answer ?? [];
  const problems = answers
    .map((a) => answerProblem(item, a))
    .filter((p): p is string => p !== undefined);
  if (answers.length > 1 && item.repeats !== true)
    problems.push(
      `${item.linkId}: ${answers.length} answers to a question that takes one`,
    );
  return problems;
}

function canonicalProblem(
  q: FhirQuestionnaire,
  qr: FhirQuestionnaireResponse,
): string[] {
  if (!q.url || !qr.questionnaire) return [];
  const [url, version] = qr.questionnaire.split("|");
  if (url !== q.url)
    return [`questionnaire: response points at ${url ?? ""}, not ${q.url}`];
  return version && q.version && version !== q.version
    ? [`questionnaire: response is for version ${version}, not ${q.version}`]
    : [];
}

/**
 * Every mismatch between a response and its questionnaire (empty when it matches).
 * @example checkResponseAgainstQuestionnaire(toFhirQuestionnaire(phq9, o), qr) // [] or ["q9: required, not answered"]
 */
export function checkResponseAgainstQuestionnaire(
  q: FhirQuestionnaire,
  qr: FhirQuestionnaireResponse,
): string[] {
  const byLinkId = new Map(flatten(q.item).map((item) => [item.linkId, item]));
  const responseItems = flatten(qr.item);
  const seen = responseItems.map((i) => i.linkId);
  const repeated = [
    ...new Set(seen.filter((id, i) => seen.indexOf(id) !== i)),
  ].map((id) => `${id}: appears more than once`);
  const answered = new Set(
    responseItems
      .filter((i) => (i.answer ?? []).length > 0)
      .map((i) => i.linkId),
  );
  const missing = [...byLinkId.values()]
    .filter((i) => i.required === true && !answered.has(i.linkId))
    .map((i) => `${i.linkId}: required, not answered`);
  return [
    ...canonicalProblem(q, qr),
    ...repeated,
    ...responseItems.flatMap((i) => itemProblems(byLinkId, i)),
    ...missing,
  ];
}
