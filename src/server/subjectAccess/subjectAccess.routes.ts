// Subject-access export (JSON or FHIR R4 Bundle), break-glass, and erasure.
import { Type } from "@fastify/type-provider-typebox";
import { breakGlass } from "../access/breakGlass.js";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import {
  eraseClient,
  exportClient,
  exportClientFhir,
} from "./subjectAccess.service.js";

export function subjectAccessRoutes(app: App, context: AppContext): void {
  const tags = ["subject access"];
  app.get(
    "/api/clients/:id/export",
    {
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Union([Type.Literal("json"), Type.Literal("fhir")]),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const fhir = request.query.format === "fhir";
      const body = fhir
        ? await exportClientFhir(context, actor, request.params.id)
        : await exportClient(context, actor, request.params.id);
      void reply.header(
        "content-disposition",
        `attachment; filename="client-${request.params.id}.${fhir ? "fhir." : ""}json"`,
      );
      return fhir ? reply.type("application/fhir+json").send(body) : body;
    },
  );
  app.post(
    "/api/clients/:id/break-glass",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 10, maxLength: 1_000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ expiresAt: Type.String() }) },
      },
    },
    (request) =>
      breakGlass(
        context,
        actorOf(request),
        request.params.id,
        request.body.reason,
      ),
  );
  app.delete(
    "/api/clients/:id",
    { schema: { tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await eraseClient(context, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
