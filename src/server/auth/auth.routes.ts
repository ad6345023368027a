// Sign-in and sign-out with a session cookie (httpOnly, SameSite=Strict, Secure over TLS).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import { SESSION_COOKIE } from "./auth.hook.js";
import { decoyHash, verifyPassword } from "./password.js";
import {
  createSession,
  deleteMemberSessions,
  deleteSession,
  hashToken,
} from "./sessions.repository.js";

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1_024 }),
  },
  { additionalProperties: false },
);

export const Me = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
});

export function authRoutes(app: App, context: AppContext): void {
  app.post(
    "/api/auth/login",
    { schema: { tags: ["auth"], body: LoginBody, response: { 200: Me } } },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const member = await context.db
        .selectFrom("members")
        .selectAll()
        .where("email", "=", email)
        .executeTakeFirst();
      const ok = await verifyPassword(
        member?.password_hash ?? (await decoyHash()),
        request.body.password,
      );
      if (!member || !ok || !member.active)
        throw new AppError("unauthenticated", "email or password is wrong");
      const token = await createSession(
        context.db,
        member.id,
        member.organisation_id,
        context.clock(),
        context.config.sessionAbsoluteSeconds,
      );
      void reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: request.protocol === "https",
        maxAge: context.config.sessionAbsoluteSeconds,
      });
      return {
        id: member.id,
        organisationId: member.organisation_id,
        email: member.email,
        name: member.name,
        role: member.role,
      };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], response: { 200: Ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(context.db, hashToken(token));
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    { schema: { tags: ["auth"], response: { 200: Ok } } },
    async (request, reply) => {
      await deleteMemberSessions(context.db, actorOf(request).memberId);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true };
    },
  );

  app.get(
    "/api/me",
    { schema: { tags: ["auth"], response: { 200: Me } } },
    async (request) => {
      const actor = actorOf(request);
      const m = await context.db
        .selectFrom("members")
        .selectAll()
        .where("id", "=", actor.memberId)
        .executeTakeFirstOrThrow();
      return {
        id: m.id,
        organisationId: m.organisation_id,
        email: m.email,
        name: m.name,
        role: m.role,
      };
    },
  );
}
