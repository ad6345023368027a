// The NHS Talking Therapies outcome of an episode as the API returns it (episodes and caseload).
import { Type } from "@fastify/type-provider-typebox";

export const EpisodeOutcome = Type.Union(
  [
    Type.Object({
      course: Type.Union(
        [
          Type.Literal("finished"),
          Type.Literal("ongoing"),
          Type.Literal("ended-early"),
        ],
        {
          description:
            "finished: ended after at least 2 attended sessions (a finished course of treatment, the only episodes NHS Talking Therapies counts); ongoing: still open, so the outcome so far; ended-early: ended with fewer.",
        },
      ),
      attendedSessions: Type.Integer(),
      label: Type.String({
        description: 'In words, e.g. "reliable recovery".',
      }),
      casenessAtStart: Type.Boolean(),
      casenessAtEnd: Type.Boolean(),
      recovery: Type.Union([Type.Boolean(), Type.Null()]),
      reliableImprovement: Type.Boolean(),
      reliableDeterioration: Type.Boolean(),
      reliableRecovery: Type.Union([Type.Boolean(), Type.Null()]),
      explanation: Type.Array(Type.String()),
    }),
    Type.Null(),
  ],
  {
    description:
      "NHS Talking Therapies paired-measure outcome from the episode's first and last PHQ-9 and GAD-7 scores (caseness PHQ-9 ≥ 10 or GAD-7 ≥ 8; reliable change 6 and 4; ⚠ secondary sources, from the packs); null without two scores of each.",
  },
);
