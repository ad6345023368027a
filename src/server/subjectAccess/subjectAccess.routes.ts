// Subject-access export (JSON or FHIR R4 Bundle), break-glass, and erasure.
import { Type } from "@fastify/type-provider-typebox";
import { breakGlass } from "../access/breakGlass.js";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import { clientBundle } from "./fhirBundle.js";
import { eraseClient, exportClient } from "./subjectAccess.service.js";

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
      const data = await exportClient(
        context,
        actorOf(request),
        request.params.id,
      );
      void reply.header(
        "content-disposition",
        `attachment; filename="client-${request.params.id}.${request.query.format === "fhir" ? "fhir." : ""}json"`,
      );
      return request.query.format === "fhir"
        ? reply.type("application/fhir+json").send(clientBundle(data))
        : data;
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
