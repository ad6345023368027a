// Password change, and reset by a one-time emailed link.
import { Type } from "@fastify/type-provider-typebox";
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { AppError, notFound } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import {
  findMember,
  findMemberByEmail,
  findMemberById,
  updateMember,
} from "../members/members.repository.js";
import { confirmPassword } from "./auth.service.js";
import { hashPassword } from "./password.js";
import { sendPasswordLink } from "./passwordLinks.js";
import { deleteMemberSessions, hashToken } from "./sessions.repository.js";

const NewPassword = Type.String({ minLength: 12, maxLength: 1_024 });

/**
 * A reset asked for by email: looked up, and the link queued through the outbox, after the
 * answer has gone, so the answer takes the same time whether or not the account exists.
 */
function requestResetLater(
  context: AppContext,
  email: string,
  source: string,
): void {
  setImmediate(() => {
    void (async () => {
      const member = await findMemberByEmail(context.db, email);
      if (member?.active === 1)
        await sendPasswordLink(context, member, "reset", {
          actorId: null,
          source,
        });
    })().catch((error: unknown) =>
      context.log?.error({ err: error }, "password reset request failed"),
    );
  });
}

export function passwordRoutes(app: App, context: AppContext): void {
  const tags = ["auth"];
  app.post(
    "/api/auth/password",
    {
      schema: {
        tags,
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 1_024 }),
            newPassword: NewPassword,
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const m = await findMember(
        context.db,
        actor.organisationId,
        actor.memberId,
      );
      if (!m) throw new AppError("unauthenticated", "sign in first");
      await confirmPassword(context, m, request.body.currentPassword);
      const passwordHash = await hashPassword(request.body.newPassword);
      await inTransaction(context.db, async (trx) => {
        await updateMember(trx, actor.organisationId, m.id, {
          password_hash: passwordHash,
        });
        await deleteMemberSessions(trx, m.id, actor.sessionHash);
        await auditSecurity(context, trx, {
          organisationId: actor.organisationId,
          actorId: m.id,
          subjectId: m.id,
          action: "auth.password-change",
          source: actor.source,
        });
      });
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/password-reset/request",
    {
      schema: {
        tags,
        security: [],
        body: Type.Object(
          { email: Type.String({ minLength: 3, maxLength: 320 }) },
          { additionalProperties: false },
        ),
        response: { 202: Ok },
      },
      config: { rateLimit: { max: 5, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      requestResetLater(context, request.body.email, request.ip);
      // The same answer, at once, whether or not the email exists.
      return reply.status(202).send({ ok: true });
    },
  );

  app.post(
    "/api/auth/password-reset/complete",
    {
      schema: {
        tags,
        security: [],
        body: Type.Object(
          {
            token: Type.String({ minLength: 20, maxLength: 100 }),
            newPassword: NewPassword,
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const now = isoNow(context);
      const row = await context.db
        .selectFrom("password_resets")
        .selectAll()
        .where("token_hash", "=", hashToken(request.body.token))
        .executeTakeFirst();
      if (!row || row.used_at !== null || row.expires_at <= now)
        throw new AppError(
          "validation",
          "this reset link is invalid, used or expired; ask for a new one",
        );
      const claimed = await context.db
        .updateTable("password_resets")
        .set({ used_at: now })
        .where("token_hash", "=", row.token_hash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new AppError("validation", "this reset link was already used");
      const passwordHash = await hashPassword(request.body.newPassword);
      const member = await findMemberById(context.db, row.member_id);
      if (!member) throw notFound("member");
      await inTransaction(context.db, async (trx) => {
        await updateMember(trx, member.organisation_id, member.id, {
          password_hash: passwordHash,
        });
        // Every other link the member still holds stops working with this one.
        await trx
          .updateTable("password_resets")
          .set({ used_at: now })
          .where("member_id", "=", member.id)
          .where("used_at", "is", null)
          .execute();
        await deleteMemberSessions(trx, member.id);
        await auditSecurity(context, trx, {
          organisationId: member.organisation_id,
          actorId: member.id,
          subjectId: member.id,
          action: "auth.password-reset",
          source: request.ip,
        });
      });
      return { ok: true };
    },
  );
}
