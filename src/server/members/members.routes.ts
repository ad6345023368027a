// /api/members: administration of the organisation's members (admin only, except listing).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import {
  Id,
  IdParams,
  Ok,
  Page,
  PageQuery,
  ShortText,
} from "../http/schemas.js";
import { findMember, listMembers } from "./members.repository.js";
import {
  changeMember,
  createMember,
  requireAdmin,
  sendMemberPasswordLink,
  setSupervisees,
  toMemberView,
  transferCaseload,
} from "./members.service.js";

const Role = Type.Union([
  Type.Literal("admin"),
  Type.Literal("supervisor"),
  Type.Literal("therapist"),
]);
export const Member = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
  active: Type.Boolean(),
  supervisees: Type.Optional(Type.Array(Type.String())),
  createdAt: Type.String(),
});
const tags = ["members"];

export function memberRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/members",
    {
      schema: {
        tags,
        querystring: Type.Object(
          { ...PageQuery.properties, role: Type.Optional(Role) },
          { additionalProperties: false },
        ),
        response: { 200: Page(Member) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const limit = request.query.limit ?? 50;
      const rows = await listMembers(context.db, actor.organisationId, {
        ...request.query,
        limit,
      });
      const page = rows.slice(0, limit);
      return {
        items: await Promise.all(page.map((m) => toMemberView(context.db, m))),
        next: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    "/api/members/:id",
    { schema: { tags, params: IdParams, response: { 200: Member } } },
    async (request) => {
      const member = await findMember(
        context.db,
        actorOf(request).organisationId,
        request.params.id,
      );
      if (!member) throw notFound("member");
      return toMemberView(context.db, member);
    },
  );

  app.post(
    "/api/members",
    {
      schema: {
        tags,
        description:
          "Adds a member and emails them an invitation link to set their own password (nobody else can set it).",
        body: Type.Object(
          {
            email: Type.String({ format: "email", maxLength: 320 }),
            name: ShortText,
            role: Role,
          },
          { additionalProperties: false },
        ),
        response: { 201: Member },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      const member = await createMember(
        context,
        actor.organisationId,
        request.body,
        { actorId: actor.memberId, source: actor.source },
      );
      return reply.status(201).send(await toMemberView(context.db, member));
    },
  );

  app.patch(
    "/api/members/:id",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(ShortText),
            role: Type.Optional(Role),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Member },
      },
    },
    async (request) =>
      toMemberView(
        context.db,
        await changeMember(
          context,
          actorOf(request),
          request.params.id,
          request.body,
        ),
      ),
  );

  app.post(
    "/api/members/:id/password-link",
    {
      schema: {
        tags,
        description:
          "Emails the member a one-time link to set their password (an invitation again, or a reset). The link goes only to their address.",
        params: IdParams,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      await sendMemberPasswordLink(
        context,
        actorOf(request),
        request.params.id,
      );
      return reply.status(202).send({ ok: true });
    },
  );

  app.put(
    "/api/members/:id/supervisees",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { therapistIds: Type.Array(Id, { maxItems: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Member },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await setSupervisees(
        context,
        actor,
        request.params.id,
        request.body.therapistIds,
      );
      const member = await findMember(
        context.db,
        actor.organisationId,
        request.params.id,
      );
      if (!member) throw notFound("member");
      return toMemberView(context.db, member);
    },
  );

  app.post(
    "/api/members/:id/transfer-caseload",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          { toTherapistId: Id },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ transferred: Type.Integer() }) },
      },
    },
    async (request) => ({
      transferred: await transferCaseload(
        context,
        actorOf(request),
        request.params.id,
        request.body.toTherapistId,
      ),
    }),
  );
}
