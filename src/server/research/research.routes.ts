// Administrators' research exports: request (queued; the secret is in this answer only), status,
// and a one-time download.
import { Type } from "@fastify/type-provider-typebox";
import { MIN_K } from "../../core/research/kAnonymity.js";
import type { AppContext } from "../context.js";
import { IdParams } from "../http/schemas.js";
import { actorOf, type App } from "../http/types.js";
import {
  downloadResearchExport,
  requestResearchExport,
  researchExportStatus,
} from "./researchQueue.js";

const Day = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
  description: "YYYY-MM-DD",
});
const Status = Type.Union([
  Type.Literal("queued"),
  Type.Literal("ready"),
  Type.Literal("failed"),
]);
const Queued = Type.Object({
  id: Type.String(),
  status: Status,
  secret: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description:
        "The pseudonym secret of this export: shown once, never stored. Null with stableSecret.",
    }),
  ),
});

export function researchRoutes(app: App, context: AppContext): void {
  const tags = ["research"];
  app.post(
    "/api/research-exports",
    {
      schema: {
        tags,
        body: Type.Object(
          {
            from: Type.Optional({
              ...Day,
              description: "Only episodes opened on or after this date.",
            }),
            to: Type.Optional({
              ...Day,
              description: "Only episodes opened before this date.",
            }),
            k: Type.Optional(Type.Integer({ minimum: MIN_K, default: 5 })),
            stableSecret: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 202: Queued },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return requestResearchExport(context, actorOf(request), request.body);
    },
  );
  app.get(
    "/api/research-exports/:id",
    { schema: { tags, params: IdParams, response: { 200: Queued } } },
    async (request) =>
      researchExportStatus(context, actorOf(request), request.params.id),
  );
  app.get(
    "/api/research-exports/:id/download",
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Type.Object({
            files: Type.Record(Type.String(), Type.String()),
            clients: Type.Integer(),
            leftOut: Type.Record(Type.String(), Type.Integer()),
          }),
        },
      },
    },
    async (request) =>
      downloadResearchExport(context, actorOf(request), request.params.id),
  );
}
