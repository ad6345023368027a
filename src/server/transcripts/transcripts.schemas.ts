// Request and response schemas of the transcript routes (and so of the OpenAPI document).
import { Type } from "@fastify/type-provider-typebox";
import { ESTIMATE_LABEL } from "../../core/transcripts/index.js";
import { Id } from "../http/schemas.js";

export const FORMATS = ["vtt", "srt", "text", "json"] as const;
const Format = Type.Union([
  Type.Literal("vtt"),
  Type.Literal("srt"),
  Type.Literal("text"),
  Type.Literal("json"),
]);

export const UploadParams = Type.Object(
  { id: Id, sessionId: Id },
  { additionalProperties: false },
);

export const UploadQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union(Format.anyOf, {
        description: "overrides the format implied by the content type",
      }),
    ),
    therapist: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          "the therapist's speaker name (case-insensitive); inferred when absent",
      }),
    ),
  },
  { additionalProperties: false },
);

export const Queued = Type.Object({
  id: Type.String(),
  status: Type.Literal("queued"),
});

const Code = Type.Union([Type.String(), Type.Null()]);

/** The profile: counts, estimated MITI 4 summary scores against their thresholds, rates (docs/transcripts.md). */
const Profile = Type.Object(
  {
    label: Type.Literal(ESTIMATE_LABEL, {
      description:
        "what the profile is: a classifier's estimate from the transcript, never a MITI rating",
    }),
    codeF1: Type.Optional(
      Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()], {
        description:
          "how sure the estimate is: cross-validated F1 of each code (reflection, question, simpleReflection, complexReflection, changeTalk, sustainTalk) for the models used; null when none is on record; absent in profiles stored before it was recorded",
      }),
    ),
  },
  {
    additionalProperties: true,
    description:
      "session profile, an automated estimate, not a MITI rating (docs/transcripts.md); numbers only in lists",
  },
);

export const TranscriptSummary = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  sessionId: Type.String(),
  format: Format,
  bytes: Type.Integer(),
  status: Type.Union([
    Type.Literal("queued"),
    Type.Literal("analysing"),
    Type.Literal("done"),
    Type.Literal("failed"),
  ]),
  error: Type.Union([Type.String(), Type.Null()]),
  profile: Type.Union([Profile, Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  analysedAt: Type.Union([Type.String(), Type.Null()]),
});

/** One coded utterance, as `rapport analyze --format json` prints it. */
const Utterance = Type.Object({
  index: Type.Integer(),
  speaker: Type.String(),
  role: Type.Union([Type.Literal("therapist"), Type.Literal("client")]),
  text: Type.String(),
  start: Type.Optional(Type.Number()),
  end: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  behaviour: Code,
  reflection: Code,
  question: Code,
  talk: Code,
  empathy: Type.Union([
    Type.Object({
      emotionalReaction: Type.Integer(),
      interpretation: Type.Integer(),
      exploration: Type.Integer(),
    }),
    Type.Null(),
  ]),
  markers: Type.Array(Type.String()),
  confidence: Type.Record(Type.String(), Type.Number()),
});

export const TranscriptDetail = Type.Object({
  ...TranscriptSummary.properties,
  analysis: Type.Union([
    Type.Object({ utterances: Type.Array(Utterance), profile: Profile }),
    Type.Null(),
  ]),
});
