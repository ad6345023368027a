// Password change, and reset by a one-time emailed link.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { AppError } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import {
  findMember,
  findMemberByEmail,
  updateMember,
} from "../members/members.repository.js";
import { hashPassword, verifyPassword } from "./password.js";
import {
  deleteMemberSessions,
  hashToken,
  newToken,
} from "./sessions.repository.js";

const NewPassword = Type.String({ minLength: 12, maxLength: 1_024 });
const RESET_TTL_MS = 60 * 60_000; // a reset link lives one hour

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
      if (
        !m ||
        !(await verifyPassword(m.password_hash, request.body.currentPassword))
      )
        throw new AppError("unauthenticated", "current password is wrong");
      await updateMember(context.db, actor.organisationId, m.id, {
        password_hash: await hashPassword(request.body.newPassword),
      });
      await deleteMemberSessions(context.db, m.id, actor.sessionHash);
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
      const member = await findMemberByEmail(context.db, request.body.email);
      if (member && member.active === 1) {
        const token = newToken();
        await context.db
          .insertInto("password_resets")
          .values({
            token_hash: hashToken(token),
            member_id: member.id,
            expires_at: new Date(
              context.clock().getTime() + RESET_TTL_MS,
            ).toISOString(),
            used_at: null,
          })
          .execute();
        const link = `${context.config.publicUrl}/reset-password#token=${token}`;
        await context.mailer
          .send({
            to: member.email,
            subject: "Reset your Rapport password",
            text: `Someone asked to reset the password of this Rapport account.\n\nTo choose a new password, open this link within an hour:\n${link}\n\nIf it was not you, ignore this message.`,
          })
          .catch((error: unknown) =>
            request.log.error({ err: error }, "password reset email failed"),
          );
      }
      // The same answer whether or not the email exists.
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
      await context.db
        .updateTable("members")
        .set({ password_hash: await hashPassword(request.body.newPassword) })
        .where("id", "=", row.member_id)
        .execute();
      await deleteMemberSessions(context.db, row.member_id);
      return { ok: true };
    },
  );
}
