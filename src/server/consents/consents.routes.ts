// /api/clients/:id/consents
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import { listConsents, recordConsent } from "./consents.service.js";

const Kind = Type.Union([
  Type.Literal("routine-measurement"),
  Type.Literal("transcript-analysis"),
  Type.Literal("research-export"),
  Type.Literal("aggregate-statistics"),
]);
const Consent = Type.Object({
  kind: Kind,
  granted: Type.Boolean(),
  recordedBy: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.Union([Type.String(), Type.Null()]),
});
const Consents = Type.Object({ items: Type.Array(Consent) });

export function consentRoutes(app: App, context: AppContext): void {
  const tags = ["consents"];
  app.get(
    "/api/clients/:id/consents",
    { schema: { tags, params: IdParams, response: { 200: Consents } } },
    async (request) => ({
      items: await listConsents(context, actorOf(request), request.params.id),
    }),
  );
  app.post(
    "/api/clients/:id/consents",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { kind: Kind, granted: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: Consents },
      },
    },
    async (request) => ({
      items: await recordConsent(
        context,
        actorOf(request),
        request.params.id,
        request.body.kind,
        request.body.granted,
      ),
    }),
  );
}
