// /api/organisation: the caller's own organisation (nothing ever crosses organisations).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { ShortText } from "../http/schemas.js";
import { requireAdmin } from "../members/members.service.js";

export const Organisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
});

export function organisationRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/organisation",
    { schema: { tags: ["organisation"], response: { 200: Organisation } } },
    async (request) => {
      const o = await context.db
        .selectFrom("organisations")
        .selectAll()
        .where("id", "=", actorOf(request).organisationId)
        .executeTakeFirstOrThrow();
      return { id: o.id, name: o.name, createdAt: o.created_at };
    },
  );
  app.patch(
    "/api/organisation",
    {
      schema: {
        tags: ["organisation"],
        body: Type.Object({ name: ShortText }, { additionalProperties: false }),
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      await context.db
        .updateTable("organisations")
        .set({ name: request.body.name })
        .where("id", "=", actor.organisationId)
        .execute();
      const o = await context.db
        .selectFrom("organisations")
        .selectAll()
        .where("id", "=", actor.organisationId)
        .executeTakeFirstOrThrow();
      return { id: o.id, name: o.name, createdAt: o.created_at };
    },
  );
}
