// /api/clients/:id/trajectory: the expected-trajectory band behind the not-on-track alert.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import { InstrumentId } from "../responses/responses.schemas.js";
import { clientTrajectory } from "./trajectory.service.js";

const Range = Type.Object({ lower: Type.Number(), upper: Type.Number() });
const Trajectory = Type.Object({
  instrumentId: Type.String(),
  label: Type.String({
    description:
      'Which model drew the band, e.g. "reference model, not fitted to your clinic".',
  }),
  model: Type.Union([Type.Literal("reference"), Type.Literal("fitted")]),
  levels: Type.Object({ yellow: Type.Number(), red: Type.Number() }),
  intake: Type.Union([Type.Number(), Type.Null()]),
  scores: Type.Array(
    Type.Object({
      session: Type.Integer(),
      total: Type.Number(),
      at: Type.String(),
    }),
  ),
  points: Type.Array(
    Type.Object({
      session: Type.Integer(),
      expected: Type.Number(),
      yellow: Range,
      red: Range,
    }),
  ),
  range: Type.Object(
    { min: Type.Number(), max: Type.Number() },
    {
      description:
        "The instrument's total range; every expected value and band edge lies within it.",
    },
  ),
  clamped: Type.Boolean({
    description:
      "True when the model's band reached past the range and was clamped to it (the model is normal on the raw scale and does not know the bounds).",
  }),
});

export function trajectoryRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/trajectory",
    {
      schema: {
        tags: ["alerts"],
        description:
          "The client's scores on an outcome instrument by session of care (the intake is session 1) and the expected trajectory with its one-sided 90% (yellow) and 95% (red) prediction bands, from the model in use.",
        params: IdParams,
        querystring: Type.Object(
          { instrumentId: InstrumentId },
          { additionalProperties: false },
        ),
        response: { 200: Trajectory },
      },
    },
    (request) =>
      clientTrajectory(
        context,
        actorOf(request),
        request.params.id,
        request.query.instrumentId,
      ),
  );
}
