// Request and response schemas of stored responses (TypeBox, also the OpenAPI document).
import { Type } from "@fastify/type-provider-typebox";
import { Id, IsoDateTime } from "../http/schemas.js";

export const InstrumentId = Type.String({
  pattern: "^[a-z0-9][a-z0-9-]*$",
  maxLength: 64,
});
export const Version = Type.String({
  pattern: "^\\d+\\.\\d+\\.\\d+$",
  maxLength: 32,
});
const Scores = Type.Record(
  Type.String(),
  Type.Union([Type.Number(), Type.Null()]),
);
export const RiskItem = Type.Object({
  linkId: Type.String(),
  value: Type.Number(),
  text: Type.String(),
  source: Type.String(),
});

const scoring = {
  instrumentVersion: Type.String(),
  total: Type.Union([Type.Number(), Type.Null()]),
  band: Type.Union([Type.String(), Type.Null()]),
  valid: Type.Boolean(),
  clinical: Type.Union([Type.Boolean(), Type.Null()]),
  prorated: Type.Boolean(),
  subscales: Scores,
  derived: Scores,
  missingItems: Type.Array(Type.String()),
  riskItems: Type.Array(RiskItem),
};

export const StoredResponse = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  episodeId: Type.Union([Type.String(), Type.Null()]),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  instrumentId: Type.String(),
  answers: Type.Record(Type.String(), Type.Number()),
  ...scoring,
  submittedAt: Type.String(),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([
    Type.Literal("therapist"),
    Type.Literal("checkin"),
    Type.Literal("import"),
  ]),
  scoredAt: Type.String(),
  history: Type.Array(
    Type.Object({
      ...scoring,
      scoredAt: Type.String(),
      replacedAt: Type.String(),
    }),
  ),
});

export const NewResponse = Type.Object(
  {
    instrumentId: InstrumentId,
    version: Type.Optional(Version),
    sessionId: Type.Optional(Id),
    episodeId: Type.Optional(Id),
    answers: Type.Record(
      Type.String({ minLength: 1, maxLength: 64 }),
      Type.Union([Type.Number(), Type.Null()]),
      { maxProperties: 200 },
    ),
    submittedAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);
