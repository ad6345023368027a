// Schemas of the instrument catalogue routes (TypeBox, also the OpenAPI document).
import { Type } from "@fastify/type-provider-typebox";
import { InstrumentId, Version } from "../responses/responses.schemas.js";

export const InstrumentParams = Type.Object(
  { id: InstrumentId },
  { additionalProperties: false },
);

export const InstrumentSummary = Type.Object({
  id: Type.String(),
  version: Type.String(),
  versions: Type.Array(Type.String()),
  title: Type.String(),
  kind: Type.Union([
    Type.Literal("outcome"),
    Type.Literal("alliance"),
    Type.Literal("preference"),
  ]),
  validated: Type.Boolean(),
  notice: Type.Union([Type.String(), Type.Null()]),
  attribution: Type.String(),
  copyright: Type.String(),
  licence: Type.String(),
  verbatimOnly: Type.Boolean(),
  bundled: Type.Boolean(),
  installedAt: Type.Union([Type.String(), Type.Null()]),
});

/** A pack as JSON; validated by validatePack in the service, which lists every problem. */
export const PackBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      "An instrument pack: a FHIR R4 Questionnaire plus a scoring spec (src/core/instruments/README.md)",
  },
);

export const InstallQuery = Type.Object(
  {
    confirmDroppedRiskItems: Type.Optional(
      Type.Boolean({
        description:
          "Install a version that no longer declares a risk item the previous version declared (audited).",
      }),
    ),
  },
  { additionalProperties: false },
);

export const InstrumentDetail = Type.Intersect([
  InstrumentSummary,
  Type.Object({ pack: PackBody }),
]);

export const VersionQuery = Type.Object(
  { version: Type.Optional(Version) },
  { additionalProperties: false },
);

export const RescoreReport = Type.Object({
  instrumentId: Type.String(),
  version: Type.String(),
  rescored: Type.Integer(),
  totalChanged: Type.Integer(),
  nowInvalid: Type.Integer(),
});

export const ReliabilityReport = Type.Object({
  instrumentId: Type.String(),
  version: Type.String(),
  itemIds: Type.Array(Type.String()),
  n: Type.Integer(),
  items: Type.Integer(),
  alpha: Type.Union([Type.Number(), Type.Null()]),
  omega: Type.Union([Type.Number(), Type.Null()]),
  basis: Type.String(),
});
