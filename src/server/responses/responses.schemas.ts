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

export const ItemFlag = Type.Object({
  linkId: Type.String(),
  value: Type.Number(),
  text: Type.String(),
  message: Type.String(),
  source: Type.String(),
});

const scoring = {
  instrumentVersion: Type.String(),
  total: Type.Union([Type.Number(), Type.Null()]),
  band: Type.Union([Type.String(), Type.Null()]),
  valid: Type.Boolean(),
  clinical: Type.Union([Type.Boolean(), Type.Null()], {
    description: "Past the pack's screening cut-off.",
  }),
  caseness: Type.Union([Type.Boolean(), Type.Null()], {
    description:
      "At caseness, the boundary recovery uses (e.g. GAD-7 ≥ 8; null when the pack has none or the scoring predates it).",
  }),
  prorated: Type.Boolean(),
  subscales: Scores,
  derived: Scores,
  missingItems: Type.Array(Type.String()),
  riskItems: Type.Array(RiskItem),
  flags: Type.Array(ItemFlag, {
    description:
      "Answers the pack flags for further assessment whatever the total (e.g. a WHO-5 item at 0 or 1).",
  }),
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
      {
        maxProperties: 200,
        description:
          "Answers keyed by linkId; each is the chosen option's position on the response scale (its ordinalValue), reverse-scored items too (e.g. CORE-10 items 2 and 3), which Rapport reverses itself. Null leaves an item unanswered.",
      },
    ),
    submittedAt: Type.Optional(IsoDateTime),
  },
  { additionalProperties: false },
);

export const UnscorableWithRisk = Type.Object(
  {
    error: Type.Object({
      code: Type.Literal("unscorable"),
      message: Type.String(),
      details: Type.Object({
        reasons: Type.Array(
          Type.Object({
            code: Type.String(),
            linkId: Type.Optional(Type.String()),
            message: Type.String(),
          }),
        ),
        riskItems: Type.Array(RiskItem),
      }),
    }),
    riskAlert: Type.Object({
      raised: Type.Literal(true),
      alertIds: Type.Array(Type.String(), {
        description:
          "The risk alerts raised or joined (their therapist is emailed).",
      }),
    }),
  },
  {
    description:
      "The response was refused as unscorable and nothing of it was stored but its triggering risk answers: those raised (or joined) the client's risk alert, kept encrypted as the alert's evidence.",
  },
);
