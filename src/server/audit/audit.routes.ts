// The organisation's audit log, for administrators: view (filtered, a page at a time) and export
// (CSV, formulas neutralised).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IsoDateTime } from "../http/schemas.js";
import { requireAdmin } from "../members/members.service.js";
import type { AuditTable } from "../db/schema.js";
import { findAudit } from "./audit.repository.js";
import { auditCsv } from "./auditCsv.js";

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.String(), Type.Null()], {
    description: "The member the entry is about (created, changed, signed in).",
  }),
  clientId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
const Filters = {
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      pattern: "^[a-z0-9.@_-]+$",
      description: 'One action, e.g. "auth.login" or "client.break-glass".',
    }),
  ),
  actorId: Type.Optional(Id),
  subjectId: Type.Optional(Id),
  clientId: Type.Optional(Id),
  from: Type.Optional({ ...IsoDateTime, description: "At or after (UTC)." }),
  to: Type.Optional({ ...IsoDateTime, description: "At or before (UTC)." }),
};
const Query = Type.Object(
  {
    ...Filters,
    after: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000, default: 100 }),
    ),
  },
  { additionalProperties: false },
);

const view = (e: AuditTable) => ({
  seq: e.seq,
  at: e.at,
  actorId: e.actor_id,
  subjectId: e.subject_id,
  clientId: e.client_id,
  action: e.action,
  source: e.source,
  hash: e.hash,
});

/** ISO timestamps compare as text only in one form: the stored one (UTC, milliseconds). */
const utc = (at: string | undefined) =>
  at === undefined ? undefined : new Date(at).toISOString();

export function auditRoutes(app: App, context: AppContext): void {
  const tags = ["audit"];
  app.get(
    "/api/audit",
    {
      schema: {
        tags,
        querystring: Query,
        response: {
          200: Type.Object({
            items: Type.Array(Entry),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      const { from, to, limit = 100, ...rest } = request.query;
      const rows = await findAudit(context.db, actor.organisationId, {
        ...rest,
        from: utc(from),
        to: utc(to),
        limit,
      });
      return {
        items: rows.map(view),
        next: rows.length === limit ? (rows.at(-1)?.seq ?? null) : null,
      };
    },
  );

  app.get(
    "/api/audit/export",
    {
      schema: {
        tags,
        querystring: Type.Object(Filters, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      const { from, to, ...rest } = request.query;
      const rows = await findAudit(context.db, actor.organisationId, {
        ...rest,
        from: utc(from),
        to: utc(to),
        limit: 1_000_000,
      });
      return reply
        .type("text/csv")
        .header("content-disposition", 'attachment; filename="audit.csv"')
        .send(auditCsv(rows));
    },
  );
}
