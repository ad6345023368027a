// /api/alerts: the caller's caseload alerts (most severe first), per client, and the lifecycle.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { modelsInUse } from "./trajectoryModels.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams, LongText, Page } from "../http/schemas.js";
import {
  acknowledgeAlert,
  clientSignalsFor,
  listAlerts,
  resolveAlert,
} from "./alerts.service.js";

export const Alert = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  kind: Type.String(),
  severity: Type.String(),
  explanation: Type.String(),
  rule: Type.String(),
  instrumentId: Type.Union([Type.String(), Type.Null()]),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  acknowledgement: Type.Union([
    Type.Object({
      action: Type.String(),
      actionLabel: Type.String({
        description: 'In words, e.g. "Safety plan reviewed".',
      }),
      note: Type.Union([Type.String(), Type.Null()]),
      by: Type.String(),
      byName: Type.Union([Type.String(), Type.Null()]),
      at: Type.String(),
    }),
    Type.Null(),
  ]),
  note: Type.Union([Type.String(), Type.Null()], {
    description:
      "The acknowledgement's note (for alerts acknowledged before actions were recorded, the note they were acknowledged with).",
  }),
  resolutionNote: Type.Union([Type.String(), Type.Null()]),
  escalatedAt: Type.Union([Type.String(), Type.Null()]),
  resolvedAt: Type.Union([Type.String(), Type.Null()]),
});
const Status = Type.Union(
  ["open", "acknowledged", "unresolved", "resolved", "all"].map((s) =>
    Type.Literal(s),
  ),
);
const Query = Type.Object(
  {
    status: Type.Optional(Status),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    ),
    cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,9}$" })),
  },
  { additionalProperties: false },
);

const SignalBody = Type.Object({
  kind: Type.String(),
  severity: Type.String(),
  causeKey: Type.String(),
  instrumentId: Type.Union([Type.String(), Type.Null()]),
  sessionIndex: Type.Integer(),
  at: Type.String(),
  rule: Type.String(),
  explanation: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
});

export function alertRoutes(app: App, context: AppContext): void {
  const tags = ["alerts"];
  app.get(
    "/api/clients/:id/signals",
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(SignalBody),
            /** Per outcome instrument: which expected-trajectory model draws the band. */
            trajectoryModels: Type.Record(Type.String(), Type.String()),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const items = await clientSignalsFor(context, actor, request.params.id);
      const models = await modelsInUse(context.db, actor.organisationId);
      return {
        items,
        trajectoryModels: Object.fromEntries(
          [...models].map(([id, m]) => [id, m.label]),
        ),
      };
    },
  );
  app.get(
    "/api/alerts",
    { schema: { tags, querystring: Query, response: { 200: Page(Alert) } } },
    (request) =>
      listAlerts(context, actorOf(request), { limit: 50, ...request.query }),
  );
  app.get(
    "/api/clients/:id/alerts",
    {
      schema: {
        tags,
        params: IdParams,
        querystring: Query,
        response: { 200: Page(Alert) },
      },
    },
    (request) =>
      listAlerts(context, actorOf(request), {
        limit: 50,
        ...request.query,
        clientId: request.params.id,
      }),
  );
  app.post(
    "/api/alerts/:id/acknowledge",
    {
      schema: {
        tags,
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        description:
          "Records what was done: an action from the alert kind's list (risk: contacted-client, safety-plan-reviewed, escalated, other; rupture: discussed-with-client, repair-attempted, other; not-on-track, no-improvement and reliable-deterioration: discussed, plan-changed, referred, other; disengagement: contacted-client, rescheduled, other), with a note (\"other\" needs one). The client's therapist may acknowledge; a supervisor too once the alert was escalated to them.",
        body: Type.Object(
          {
            action: Type.String({ minLength: 1, maxLength: 64 }),
            note: Type.Optional(LongText),
          },
          { additionalProperties: false },
        ),
        response: { 200: Alert },
      },
    },
    (request) =>
      acknowledgeAlert(
        context,
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    "/api/alerts/:id/resolve",
    {
      schema: {
        tags,
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        body: Type.Object(
          { note: Type.Optional(LongText) },
          { additionalProperties: false },
        ),
        response: { 200: Alert },
      },
    },
    (request) =>
      resolveAlert(
        context,
        actorOf(request),
        request.params.id,
        request.body.note,
      ),
  );
}
