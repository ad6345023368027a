// /api/clients/:id/sessions: appointments and their status.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams, IsoDateTime, Page, PageQuery } from "../http/schemas.js";
import {
  changeSession,
  createSession,
  listSessions,
} from "./sessions.service.js";

const Status = Type.Union([
  Type.Literal("scheduled"),
  Type.Literal("attended"),
  Type.Literal("cancelled"),
  Type.Literal("no-show"),
]);
export const Session = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  episodeId: Type.Union([Type.String(), Type.Null()]),
  therapistId: Type.String(),
  startsAt: Type.String(),
  status: Status,
});
const tags = ["sessions"];

export function sessionRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/sessions",
    {
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(Session) },
      },
    },
    (request) =>
      listSessions(context, actorOf(request), request.params.id, {
        limit: 50,
        ...request.query,
      }),
  );
  app.post(
    "/api/clients/:id/sessions",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          {
            startsAt: IsoDateTime,
            status: Type.Optional(Status),
            therapistId: Type.Optional(Id),
            episodeId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 201: Session },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createSession(
            context,
            actorOf(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.patch(
    "/api/clients/:id/sessions/:sessionId",
    {
      schema: {
        tags,
        params: Type.Object(
          { id: Id, sessionId: Id },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            startsAt: Type.Optional(IsoDateTime),
            status: Type.Optional(Status),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Session },
      },
    },
    (request) =>
      changeSession(
        context,
        actorOf(request),
        request.params.id,
        request.params.sessionId,
        request.body,
      ),
  );
}
