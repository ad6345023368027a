// Builds a FHIR R4 QuestionnaireResponse from a stored, already-validated response.
import type { Pack } from "../instruments/packSchema.js";
import type { QuestionnaireItem } from "../instruments/questionnaireSchema.js";
import { answerableItems, optionValue } from "../instruments/itemValues.js";
import {
  questionnaireUrl,
  totalLinkId,
  type ExportOptions,
} from "./questionnaireExport.js";
import type {
  FhirAnswer,
  FhirQuestionnaireResponse,
  FhirResponseItem,
  Reference,
} from "./types.js";

export interface StoredResponse {
  readonly id: string;
  /** Answer values (option positions) keyed by linkId, as given to score(). */
  readonly answers: Readonly<Record<string, number>>;
  /** ISO 8601 date-time with a time zone. */
  readonly authored: string;
  readonly subject?: Reference;
  /** The total stored with the response, if any; exported as the calculated item's answer. */
  readonly total?: number | null;
}

function answerFor(
  pack: Pack,
  item: QuestionnaireItem,
  value: number,
): FhirAnswer {
  if (item.type === "integer") return { valueInteger: value };
  if (item.type === "decimal") return { valueDecimal: value };
  const option = item.answerOption?.find((o) => optionValue(o) === value);
  if (!option)
    throw new Error(
      `Stored answer ${value} is not an option of ${pack.id} ${item.linkId}`,
    );
  return { valueCoding: option.valueCoding };
}

/**
 * A completed QuestionnaireResponse pointing at the pack's canonical URL and version.
 * @example toFhirQuestionnaireResponse(phq9, { id: "r1", answers: { q1: 2 }, authored: "2025-01-06T10:00:00Z" }, { baseUrl })
 */
export function toFhirQuestionnaireResponse(
  pack: Pack,
  stored: StoredResponse,
  options: ExportOptions,
): FhirQuestionnaireResponse {
  const items: FhirResponseItem[] = answerableItems(pack).flatMap((item) => {
    const value = stored.answers[item.linkId];
    return value === undefined
      ? []
      : [
          {
            linkId: item.linkId,
            text: item.text,
            answer: [answerFor(pack, item, value)],
          },
        ];
  });
  const total = stored.total;
  if (total !== undefined && total !== null)
    items.push({
      linkId: totalLinkId(pack),
      answer: [{ valueDecimal: total }],
    });
  return {
    resourceType: "QuestionnaireResponse",
    id: stored.id,
    questionnaire: `${questionnaireUrl(pack, options)}|${pack.version}`,
    status: "completed",
    ...(stored.subject ? { subject: stored.subject } : {}),
    authored: stored.authored,
    item: items,
  };
}
