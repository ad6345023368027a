// /api/clients/:id/responses: record a questionnaire response, read a client's timeline.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams } from "../http/schemas.js";
import {
  InstrumentId,
  NewResponse,
  StoredResponse,
  UnscorableWithRisk,
} from "./responses.schemas.js";
import { listResponses, submitResponse } from "./responses.service.js";

const tags = ["responses"];

export function responseRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/responses",
    {
      schema: {
        tags,
        description:
          "The client's responses, oldest first, with scores, band, validity, risk items and the instrument version each was scored with.",
        params: IdParams,
        querystring: Type.Object(
          {
            instrumentId: Type.Optional(InstrumentId),
            episodeId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(StoredResponse) }) },
      },
    },
    async (request) => ({
      items: await listResponses(
        context,
        actorOf(request),
        request.params.id,
        request.query,
      ),
    }),
  );
  app.post(
    "/api/clients/:id/responses",
    {
      schema: {
        tags,
        description:
          "Score and store a response (needs the client's routine-measurement consent); a triggering risk answer raises or joins the client's risk alert whatever submittedAt says. Answers that do not score store nothing (400), except that a refused response with a triggering risk answer still raises the alert: 422 with the refusal and riskAlert.",
        params: IdParams,
        body: NewResponse,
        response: { 201: StoredResponse, 422: UnscorableWithRisk },
      },
    },
    async (request, reply) => {
      const outcome = await submitResponse(
        context,
        actorOf(request),
        request.params.id,
        request.body,
      );
      if (outcome.kind === "stored")
        return reply.status(201).send(outcome.response);
      return reply.status(422).send({
        error: {
          code: "unscorable",
          message: outcome.message,
          details: { reasons: outcome.reasons, riskItems: outcome.riskItems },
        },
        riskAlert: { raised: true, alertIds: outcome.alertIds },
      });
    },
  );
}
