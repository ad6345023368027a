// The declarative scoring spec of a pack: every number carries its source; values the
// evidence marks ⚠ carry `unconfirmed: true`, and Rapport's own choices `designChoice: true`.
import Type, { type Static } from "typebox";
import { CodingSchema } from "./questionnaireSchema.js";

const Source = Type.String({
  minLength: 1,
  description: "Where the rule or number comes from.",
});
const Flags = {
  unconfirmed: Type.Optional(
    Type.Boolean({
      description: "⚠ in clinical-facts.md: check the primary source.",
    }),
  ),
  designChoice: Type.Optional(
    Type.Boolean({
      description: "Rapport's own choice, not a published rule.",
    }),
  ),
};
const LinkIds = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 });
const Method = Type.Union([Type.Literal("sum"), Type.Literal("mean")]);

export const MissingRuleSchema = Type.Union([
  Type.Object(
    { rule: Type.Literal("none"), source: Source, ...Flags },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      rule: Type.Literal("prorate"),
      maxMissing: Type.Integer({ minimum: 1 }),
      round: Type.Union([Type.Literal("integer"), Type.Literal("none")]),
      source: Source,
      ...Flags,
    },
    { additionalProperties: false },
  ),
]);

export const BandSchema = Type.Object(
  {
    min: Type.Number(),
    max: Type.Number(),
    label: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const ReliableChangeSchema = Type.Union([
  Type.Object(
    {
      threshold: Type.Number({ exclusiveMinimum: 0 }),
      source: Source,
      ...Flags,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      reliability: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
      sd: Type.Number({ exclusiveMinimum: 0 }),
      source: Source,
      ...Flags,
    },
    { additionalProperties: false },
  ),
]);

export const ScoringSpecSchema = Type.Object(
  {
    method: Method,
    items: LinkIds,
    direction: Type.Union([
      Type.Literal("higherIsWorse"),
      Type.Literal("higherIsBetter"),
    ]),
    source: Source,
    totalCode: Type.Optional(CodingSchema),
    reverse: Type.Optional(
      Type.Object(
        {
          items: LinkIds,
          answers: Type.Optional(
            Type.Literal("option-position", {
              description:
                "How answers to these items are given: the option's position on the form's scale (its ordinalValue, the same as every other item), which the engine reverses (min + max − value); never the reversed number a paper form may print.",
            }),
          ),
          source: Source,
          ...Flags,
        },
        { additionalProperties: false },
      ),
    ),
    subscales: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ minLength: 1, pattern: "^[a-z0-9-]+$" }),
            label: Type.String({ minLength: 1 }),
            items: LinkIds,
            method: Type.Optional(Method),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    missing: MissingRuleSchema,
    bands: Type.Optional(
      Type.Object(
        {
          ranges: Type.Array(BandSchema, { minItems: 1 }),
          source: Source,
          ...Flags,
        },
        { additionalProperties: false },
      ),
    ),
    cutoff: Type.Optional(
      Type.Object(
        {
          value: Type.Number(),
          description: Type.String({
            description:
              "The published screening or clinical-range cut-off behind a score's `clinical` flag; higherIsWorse: clinical when total >= value; higherIsBetter: when total < value. Recovery uses `caseness`, not this.",
          }),
          source: Source,
          ...Flags,
        },
        { additionalProperties: false },
      ),
    ),
    caseness: Type.Optional(
      Type.Object(
        {
          value: Type.Number(),
          description: Type.String({
            description:
              "The clinical/non-clinical boundary recovery is measured against (NHS Talking Therapies 'caseness'); higherIsWorse: at caseness when total >= value; higherIsBetter: when total < value. Kept apart from the screening cut-off.",
          }),
          source: Source,
          ...Flags,
        },
        { additionalProperties: false },
      ),
    ),
    reliableChange: Type.Optional(ReliableChangeSchema),
    derived: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Type.String({ minLength: 1, pattern: "^[a-z0-9-]+$" }),
            label: Type.String({ minLength: 1 }),
            multiply: Type.Optional(Type.Number({ description: "Default 1." })),
            divide: Type.Optional(
              Type.Number({ exclusiveMinimum: 0, description: "Default 1." }),
            ),
            source: Source,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    itemFlags: Type.Optional(
      Type.Array(
        Type.Object(
          {
            items: LinkIds,
            values: Type.Array(Type.Number(), { minItems: 1 }),
            message: Type.String({
              minLength: 1,
              description:
                "What an answer among `values` on any of `items` calls for, whatever the total.",
            }),
            source: Source,
            ...Flags,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    risk: Type.Optional(
      Type.Array(
        Type.Object(
          {
            item: Type.String({ minLength: 1 }),
            triggerValues: Type.Array(Type.Number(), { minItems: 1 }),
            source: Source,
            ...Flags,
          },
          { additionalProperties: false },
        ),
      ),
    ),
    ruptureSdFloor: Type.Optional(
      Type.Object(
        {
          value: Type.Number({ exclusiveMinimum: 0 }),
          source: Source,
          ...Flags,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type MissingRule = Static<typeof MissingRuleSchema>;
export type Band = Static<typeof BandSchema>;
export type ReliableChangeSpec = Static<typeof ReliableChangeSchema>;
export type ScoringSpec = Static<typeof ScoringSpecSchema>;
