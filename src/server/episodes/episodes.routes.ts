// /api/clients/:id/episodes: episodes of care, opened and discharged.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams, IsoDateTime, ShortText } from "../http/schemas.js";
import { EpisodeOutcome } from "./episodeOutcome.schema.js";
import {
  dischargeEpisode,
  listEpisodes,
  openEpisode,
} from "./episodes.service.js";

export const Episode = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  openedAt: Type.String(),
  dischargedAt: Type.Union([Type.String(), Type.Null()]),
  dischargeReason: Type.Union([Type.String(), Type.Null()]),
});
const EpisodeWithOutcome = Type.Object({
  ...Episode.properties,
  talkingTherapies: EpisodeOutcome,
});
const tags = ["episodes"];

export function episodeRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/episodes",
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Type.Object({ items: Type.Array(EpisodeWithOutcome) }),
        },
      },
    },
    async (request) => ({
      items: await listEpisodes(context, actorOf(request), request.params.id),
    }),
  );
  app.post(
    "/api/clients/:id/episodes",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { openedAt: Type.Optional(IsoDateTime) },
          { additionalProperties: false },
        ),
        response: { 201: Episode },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await openEpisode(
            context,
            actorOf(request),
            request.params.id,
            request.body.openedAt,
          ),
        ),
  );
  app.post(
    "/api/clients/:id/episodes/:episodeId/discharge",
    {
      schema: {
        tags,
        params: Type.Object(
          { id: Id, episodeId: Id },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            reason: Type.Optional(ShortText),
            dischargedAt: Type.Optional(IsoDateTime),
          },
          { additionalProperties: false },
        ),
        response: { 200: Episode },
      },
    },
    (request) =>
      dischargeEpisode(
        context,
        actorOf(request),
        request.params.id,
        request.params.episodeId,
        request.body,
      ),
  );
}
