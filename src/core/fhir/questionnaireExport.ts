// Exports a pack as a FHIR R4 Questionnaire that carries its scoring the standard way:
// ordinalValue on every scored option and an SDC calculatedExpression on a read-only total.
import type { Pack } from "../instruments/packSchema.js";
import type {
  AnswerOption,
  QuestionnaireItem,
} from "../instruments/questionnaireSchema.js";
import { ORDINAL_VALUE_URL } from "../instruments/questionnaireSchema.js";
import { optionValue } from "../instruments/itemValues.js";
import { itemScore } from "../instruments/aggregate.js";
import { totalExpression } from "./totalExpression.js";
import type {
  FhirAnswerOption,
  FhirQuestionnaire,
  FhirQuestionnaireItem,
} from "./types.js";

export const CALCULATED_EXPRESSION_URL =
  "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

export interface ExportOptions {
  /** Public FHIR base, e.g. "https://clinic.example/fhir/R4"; canonical URLs are built from it. */
  readonly baseUrl: string;
}

/** The canonical URL of a pack's Questionnaire. */
export function questionnaireUrl(pack: Pack, options: ExportOptions): string {
  return `${options.baseUrl.replace(/\/$/, "")}/Questionnaire/${pack.id}`;
}

/** linkId of the calculated total item (prefixed with the pack id so it never clashes). */
export function totalLinkId(pack: Pack): string {
  return `${pack.id}-total`;
}

// The exported ordinalValue is the option's scoring weight (reversed for reverse-scored items), so a
// renderer that sums ordinal values gets Rapport's total; the pack keeps the option position.
function exportOption(
  pack: Pack,
  linkId: string,
  option: AnswerOption,
): FhirAnswerOption {
  const value = optionValue(option);
  const others = (option.extension ?? []).filter(
    (e) => e.url !== ORDINAL_VALUE_URL,
  );
  const weight =
    value === undefined
      ? []
      : [
          {
            url: ORDINAL_VALUE_URL,
            valueDecimal: itemScore(pack, linkId, value),
          },
        ];
  return { valueCoding: option.valueCoding, extension: [...others, ...weight] };
}

function exportItem(
  pack: Pack,
  item: QuestionnaireItem,
): FhirQuestionnaireItem {
  if (!item.answerOption) return item;
  return {
    ...item,
    answerOption: item.answerOption.map((o) =>
      exportOption(pack, item.linkId, o),
    ),
  };
}

function totalItem(pack: Pack): FhirQuestionnaireItem {
  const code = pack.scoring.totalCode;
  return {
    linkId: totalLinkId(pack),
    text: `${pack.questionnaire.title}: total score`,
    type: "decimal",
    readOnly: true,
    ...(code ? { code: [code] } : {}),
    extension: [
      {
        url: CALCULATED_EXPRESSION_URL,
        valueExpression: {
          language: "text/fhirpath",
          expression: totalExpression(pack),
          description: pack.scoring.source,
        },
      },
    ],
  };
}

/**
 * The pack as a FHIR R4 Questionnaire (id = pack id, version = pack version).
 * @example toFhirQuestionnaire(phq9, { baseUrl: "https://clinic.example/fhir/R4" }).item.at(-1).linkId // "phq-9-total"
 */
export function toFhirQuestionnaire(
  pack: Pack,
  options: ExportOptions,
): FhirQuestionnaire {
  const q = pack.questionnaire;
  const notice = pack.notice ? `${pack.notice} ` : "";
  return {
    ...q,
    id: pack.id,
    url: questionnaireUrl(pack, options),
    version: pack.version,
    description: `${notice}${q.description ?? ""}`.trim() || undefined,
    copyright: q.copyright ?? `${pack.copyright} ${pack.attribution}`,
    item: [...q.item.map((item) => exportItem(pack, item)), totalItem(pack)],
  };
}
