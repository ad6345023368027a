// The FHIR R4 Questionnaire subset a pack may use: flat items, coded choices with an
// ordinalValue extension, or bounded integer/decimal items (hl7.org/fhir/R4/questionnaire.html).
import Type, { type Static } from "typebox";

export const ORDINAL_VALUE_URL =
  "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const MIN_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
export const MAX_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";

export const CodingSchema = Type.Object({
  system: Type.Optional(Type.String({ minLength: 1 })),
  code: Type.String({ minLength: 1 }),
  display: Type.Optional(Type.String()),
});

export const ExtensionSchema = Type.Object({
  url: Type.String({ minLength: 1 }),
  valueDecimal: Type.Optional(Type.Number()),
  valueInteger: Type.Optional(Type.Integer()),
  valueString: Type.Optional(Type.String()),
  valueBoolean: Type.Optional(Type.Boolean()),
  valueCoding: Type.Optional(CodingSchema),
});

export const AnswerOptionSchema = Type.Object({
  valueCoding: CodingSchema,
  extension: Type.Optional(Type.Array(ExtensionSchema)),
});

export const QuestionnaireItemSchema = Type.Object({
  linkId: Type.String({ minLength: 1, pattern: "^[A-Za-z0-9._-]+$" }),
  prefix: Type.Optional(Type.String()),
  text: Type.String({ minLength: 1 }),
  type: Type.Union([
    Type.Literal("choice"),
    Type.Literal("integer"),
    Type.Literal("decimal"),
    Type.Literal("display"),
  ]),
  required: Type.Optional(Type.Boolean()),
  code: Type.Optional(Type.Array(CodingSchema)),
  answerOption: Type.Optional(Type.Array(AnswerOptionSchema)),
  extension: Type.Optional(Type.Array(ExtensionSchema)),
});

export const QuestionnaireSchema = Type.Object({
  resourceType: Type.Literal("Questionnaire"),
  status: Type.Union([
    Type.Literal("draft"),
    Type.Literal("active"),
    Type.Literal("retired"),
    Type.Literal("unknown"),
  ]),
  name: Type.Optional(Type.String()),
  title: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  copyright: Type.Optional(Type.String()),
  code: Type.Optional(Type.Array(CodingSchema)),
  item: Type.Array(QuestionnaireItemSchema, { minItems: 1 }),
});

export type Coding = Static<typeof CodingSchema>;
export type Extension = Static<typeof ExtensionSchema>;
export type AnswerOption = Static<typeof AnswerOptionSchema>;
export type QuestionnaireItem = Static<typeof QuestionnaireItemSchema>;
export type PackQuestionnaire = Static<typeof QuestionnaireSchema>;
