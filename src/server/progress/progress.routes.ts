// /api/clients/:id/progress-view: the therapist's switch for the client's own progress page
// and its personal, revocable link.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import {
  getProgressSettings,
  newProgressLink,
  revokeProgressLink,
  setProgressSettings,
} from "./progress.service.js";

const tags = ["checkins"];
const Settings = Type.Object({
  enabled: Type.Boolean(),
  showAlliance: Type.Boolean({
    description:
      "Show the client their alliance ratings too (off by default: they are sensitive).",
  }),
  hasLink: Type.Boolean(),
});

export function progressRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/progress-view",
    { schema: { tags, params: IdParams, response: { 200: Settings } } },
    (request) =>
      getProgressSettings(context, actorOf(request), request.params.id),
  );
  app.put(
    "/api/clients/:id/progress-view",
    {
      schema: {
        tags,
        description:
          "Turn the client's progress view on or off (off also revokes the personal link).",
        params: IdParams,
        body: Type.Object(
          { enabled: Type.Boolean(), showAlliance: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: Settings },
      },
    },
    (request) =>
      setProgressSettings(
        context,
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    "/api/clients/:id/progress-view/link",
    {
      schema: {
        tags,
        description:
          "A new personal link to the progress page; the previous one stops working.",
        params: IdParams,
        response: { 201: Type.Object({ url: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await newProgressLink(context, actorOf(request), request.params.id),
        ),
  );
  app.delete(
    "/api/clients/:id/progress-view/link",
    { schema: { tags, params: IdParams, response: { 200: Settings } } },
    (request) =>
      revokeProgressLink(context, actorOf(request), request.params.id),
  );
}
