// The organisation's audit log, for administrators: view and export (CSV).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id } from "../http/schemas.js";
import { requireAdmin } from "../members/members.service.js";

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  clientId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
const Query = Type.Object(
  {
    clientId: Type.Optional(Id),
    after: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000, default: 100 }),
    ),
  },
  { additionalProperties: false },
);

export function auditRoutes(app: App, context: AppContext): void {
  const tags = ["audit"];
  const query = (
    organisationId: string,
    q: { clientId?: string; after?: number; limit?: number },
  ) => {
    let select = context.db
      .selectFrom("audit_log")
      .selectAll()
      .where("organisation_id", "=", organisationId);
    if (q.clientId) select = select.where("client_id", "=", q.clientId);
    if (q.after !== undefined) select = select.where("seq", ">", q.after);
    return select
      .orderBy("seq")
      .limit(q.limit ?? 100)
      .execute();
  };
  const view = (e: Awaited<ReturnType<typeof query>>[number]) => ({
    seq: e.seq,
    at: e.at,
    actorId: e.actor_id,
    clientId: e.client_id,
    action: e.action,
    source: e.source,
    hash: e.hash,
  });

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
      const limit = request.query.limit ?? 100;
      const rows = await query(actor.organisationId, {
        ...request.query,
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
        querystring: Type.Object(
          { clientId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      const rows = await query(actor.organisationId, {
        ...request.query,
        limit: 1_000_000,
      });
      const csv = [
        "seq,at,actor_id,client_id,action,source,prev_hash,hash",
        ...rows.map((e) =>
          [
            e.seq,
            e.at,
            e.actor_id ?? "",
            e.client_id ?? "",
            e.action,
            e.source ?? "",
            e.prev_hash,
            e.hash,
          ].join(","),
        ),
      ].join("\n");
      return reply
        .type("text/csv")
        .header("content-disposition", 'attachment; filename="audit.csv"')
        .send(csv + "\n");
    },
  );
}
