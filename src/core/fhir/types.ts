// The FHIR R4 shapes Rapport produces (a minimal subset; @medplum/fhirtypes is not installed).
import type { Coding } from "../instruments/questionnaireSchema.js";

export type { Coding };

export interface Expression {
  readonly language: "text/fhirpath";
  readonly expression: string;
  readonly description?: string;
}

export interface FhirExtension {
  readonly url: string;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
  readonly valueString?: string;
  readonly valueBoolean?: boolean;
  readonly valueCoding?: Coding;
  readonly valueExpression?: Expression;
}

export interface FhirAnswerOption {
  readonly valueCoding: Coding;
  readonly extension?: readonly FhirExtension[];
}

export interface FhirQuestionnaireItem {
  readonly linkId: string;
  readonly prefix?: string;
  readonly text?: string;
  readonly type: "choice" | "integer" | "decimal" | "display" | "group";
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly repeats?: boolean;
  readonly code?: readonly Coding[];
  readonly answerOption?: readonly FhirAnswerOption[];
  readonly extension?: readonly FhirExtension[];
  readonly item?: readonly FhirQuestionnaireItem[];
}

export interface FhirQuestionnaire {
  readonly resourceType: "Questionnaire";
  readonly id?: string;
  readonly url?: string;
  readonly version?: string;
  readonly name?: string;
  readonly title?: string;
  readonly status: "draft" | "active" | "retired" | "unknown";
  readonly description?: string;
  readonly copyright?: string;
  readonly code?: readonly Coding[];
  readonly item?: readonly FhirQuestionnaireItem[];
}

export interface FhirAnswer {
  readonly valueCoding?: Coding;
  readonly valueDecimal?: number;
  readonly valueInteger?: number;
}

export interface FhirResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly FhirAnswer[];
  readonly item?: readonly FhirResponseItem[];
}

export interface Reference {
  readonly reference: string;
  readonly display?: string;
}

export interface FhirQuestionnaireResponse {
  readonly resourceType: "QuestionnaireResponse";
  readonly id?: string;
  readonly questionnaire?: string;
  readonly status:
    "in-progress" | "completed" | "amended" | "entered-in-error" | "stopped";
  readonly subject?: Reference;
  readonly encounter?: Reference;
  readonly authored?: string;
  readonly item?: readonly FhirResponseItem[];
}

export type FhirResource = FhirQuestionnaire | FhirQuestionnaireResponse;

export interface FhirBundle {
  readonly resourceType: "Bundle";
  readonly type: "searchset" | "collection";
  readonly total?: number;
  readonly link?: readonly {
    readonly relation: string;
    readonly url: string;
  }[];
  readonly entry: readonly {
    readonly fullUrl: string;
    readonly resource: FhirResource;
    readonly search?: { readonly mode: "match" | "include" };
  }[];
}
