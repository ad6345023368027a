// Sign-in and sign-out with a session cookie (httpOnly, SameSite=Strict, Secure when the public
// URL is https).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import { findMember } from "../members/members.repository.js";
import { organisationRequiresTotp, signIn } from "./auth.service.js";
import {
  SESSION_COOKIE,
  clearSessionCookie,
  setSessionCookie,
} from "./sessionCookie.js";
import {
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
  totpEnabled: Type.Boolean(),
  totpRequired: Type.Boolean(),
});

const LoginResult = Type.Object({
  secondFactorRequired: Type.Boolean(),
  csrfToken: Type.String(),
  me: Type.Union([Me, Type.Null()]),
});

export async function meOf(
  context: AppContext,
  memberId: string,
  organisationId: string,
) {
  const m = await findMember(context.db, organisationId, memberId);
  if (!m) throw new AppError("unauthenticated", "sign in first");
  return {
    id: m.id,
    organisationId: m.organisation_id,
    email: m.email,
    name: m.name,
    role: m.role,
    totpEnabled: m.totp_enabled === 1,
    totpRequired: await organisationRequiresTotp(context, organisationId),
  };
}

export function authRoutes(app: App, context: AppContext): void {
  const tags = ["auth"];
  app.post(
    "/api/auth/login",
    {
      schema: {
        tags,
        security: [],
        body: LoginBody,
        response: { 200: LoginResult },
      },
      config: {
        rateLimit: {
          max: context.config.loginRatePerMinute,
          timeWindow: "1 minute",
        },
      },
    },
    async (request, reply) => {
      const result = await signIn(
        context,
        request.body.email,
        request.body.password,
        request.ip,
      );
      const csrfToken = setSessionCookie(
        request,
        reply,
        context.config,
        result.token,
      );
      const me = result.secondFactorRequired
        ? null
        : await meOf(context, result.member.id, result.member.organisation_id);
      return {
        secondFactorRequired: result.secondFactorRequired,
        csrfToken,
        me,
      };
    },
  );

  app.get(
    "/api/auth/csrf",
    {
      schema: {
        tags,
        response: { 200: Type.Object({ csrfToken: Type.String() }) },
      },
    },
    (request, reply) => ({
      csrfToken: reply.generateCsrf({
        userInfo: request.cookies[SESSION_COOKIE] ?? "",
      }),
    }),
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(context.db, hashToken(token));
      clearSessionCookie(reply, context.config);
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    { schema: { tags, response: { 200: Ok } } },
    async (request, reply) => {
      await deleteMemberSessions(context.db, actorOf(request).memberId);
      clearSessionCookie(reply, context.config);
      return { ok: true };
    },
  );

  app.get("/api/me", { schema: { tags, response: { 200: Me } } }, (request) => {
    const actor = actorOf(request);
    return meOf(context, actor.memberId, actor.organisationId);
  });
}
