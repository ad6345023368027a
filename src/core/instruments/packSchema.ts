// An instrument pack: a FHIR R4 Questionnaire plus a declarative scoring spec, versioned,
// with its attribution and a `validated` label (issue 4, "Pack format").
import Type, { type Static } from "typebox";
import { QuestionnaireSchema } from "./questionnaireSchema.js";
import { ScoringSpecSchema } from "./scoringSchema.js";

export const PackSchema = Type.Object(
  {
    id: Type.String({ pattern: "^[a-z0-9][a-z0-9-]*$", maxLength: 64 }),
    version: Type.String({
      pattern: "^\\d+\\.\\d+\\.\\d+$",
      description: "Semantic version.",
    }),
    kind: Type.Union([
      Type.Literal("outcome"),
      Type.Literal("alliance"),
      Type.Literal("preference"),
    ]),
    validated: Type.Boolean(),
    notice: Type.Optional(
      Type.String({
        minLength: 1,
        description: "Shown wherever the instrument is shown.",
      }),
    ),
    attribution: Type.String({ minLength: 1 }),
    copyright: Type.String({ minLength: 1 }),
    licence: Type.String({ minLength: 1 }),
    verbatimOnly: Type.Optional(
      Type.Boolean({
        description: "Licence forbids changes to the wording (e.g. CC BY-ND).",
      }),
    ),
    scoreCompatibleWith: Type.Optional(
      Type.Array(Type.String({ pattern: "^\\d+\\.\\d+\\.\\d+$" }), {
        minItems: 1,
        description:
          "Earlier versions whose totals mean the same (same items, answers and scoring rule): signals compare first and latest scores across them instead of restarting at the version change.",
      }),
    ),
    questionnaire: QuestionnaireSchema,
    scoring: ScoringSpecSchema,
  },
  { additionalProperties: false },
);

export type Pack = Static<typeof PackSchema>;
export type InstrumentKind = Pack["kind"];
