// Authenticates every /api and /fhir request (session cookie or API token); anonymous requests get 401.
// Cookie-authenticated state changes must carry a CSRF token bound to the session.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { AppError } from "../errors.js";
import type { App } from "../http/types.js";
import type { Actor, TokenScope } from "./actor.js";
import {
  deleteSession,
  findSession,
  touchSession,
} from "./sessions.repository.js";
import { SESSION_COOKIE } from "./sessionCookie.js";
import { TOKEN_PREFIX, findToken } from "./tokens.repository.js";

const TOUCH_INTERVAL_MS = 60_000;
const AUTHENTICATED = ["/api/", "/fhir/"];
const PUBLIC = ["/api/auth/login", "/api/auth/password-reset/", "/api/docs"];
const SECOND_FACTOR_PENDING_ALLOWED = new Set([
  "/api/auth/totp/verify",
  "/api/auth/logout",
]);
// Exact routes, never prefixes: "/api/me" as a prefix also matched "/api/members".
const ENROLMENT_ALLOWED = new Set([
  "/api/me",
  "/api/auth/csrf",
  "/api/auth/logout",
  "/api/auth/logout-everywhere",
  "/api/auth/password",
  "/api/auth/totp/setup",
  "/api/auth/totp/enable",
]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

async function fromToken(
  context: AppContext,
  token: string,
  source: string,
): Promise<Actor> {
  const row = await findToken(context.db, token);
  const now = isoNow(context);
  if (
    !row ||
    row.revoked_at !== null ||
    row.expires_at <= now ||
    row.active !== 1
  ) {
    throw new AppError(
      "unauthenticated",
      "the API token is unknown, expired or revoked",
    );
  }
  const scopes = JSON.parse(row.scopes) as TokenScope[];
  return {
    memberId: row.member_id,
    organisationId: row.organisation_id,
    role: row.role,
    source,
    via: "token",
    at: now,
    sessionHash: null,
    scopes: scopes.length > 0 ? scopes : null,
  };
}

async function fromSession(
  context: AppContext,
  token: string,
  source: string,
  route: string,
): Promise<Actor> {
  const session = await findSession(context.db, token);
  if (!session)
    throw new AppError(
      "unauthenticated",
      "your session has ended; sign in again",
    );
  const now = context.clock();
  const idleLimit =
    new Date(session.last_seen_at).getTime() +
    context.config.sessionIdleSeconds * 1000;
  if (
    !session.active ||
    now.toISOString() >= session.expires_at ||
    now.getTime() > idleLimit
  ) {
    await deleteSession(context.db, session.id_hash);
    throw new AppError(
      "unauthenticated",
      "your session has ended; sign in again",
    );
  }
  if (
    session.second_factor_ok !== 1 &&
    !SECOND_FACTOR_PENDING_ALLOWED.has(route)
  ) {
    throw new AppError(
      "unauthenticated",
      "enter the code from your authenticator app first",
      { secondFactorRequired: true },
    );
  }
  const requireTotp =
    (JSON.parse(session.settings) as { requireTotp?: boolean }).requireTotp ===
    true;
  if (
    requireTotp &&
    session.totp_enabled !== 1 &&
    !ENROLMENT_ALLOWED.has(route)
  ) {
    throw new AppError(
      "forbidden",
      "your organisation requires a second factor: enrol an authenticator app first",
      { totpEnrolmentRequired: true },
    );
  }
  // Refresh the idle clock at most once a minute: a write per request would cost an fsync.
  if (
    now.getTime() - new Date(session.last_seen_at).getTime() >
    TOUCH_INTERVAL_MS
  ) {
    await touchSession(context.db, session.id_hash, now.toISOString());
  }
  return {
    memberId: session.member_id,
    organisationId: session.organisation_id,
    role: session.role,
    source,
    via: "session",
    at: now.toISOString(),
    sessionHash: session.id_hash,
    scopes: null,
  };
}

function checkScope(actor: Actor, method: string): void {
  if (
    actor.scopes &&
    !SAFE_METHODS.has(method) &&
    !actor.scopes.includes("write")
  ) {
    throw new AppError("forbidden", "this API token is read-only");
  }
}

export function installAuthentication(app: App, context: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    const url = request.url.split("?")[0] ?? "";
    if (!AUTHENTICATED.some((p) => url.startsWith(p))) return;
    if (PUBLIC.some((p) => url.startsWith(p))) return;
    const bearer = /^Bearer (\S+)$/i.exec(
      request.headers.authorization ?? "",
    )?.[1];
    if (bearer?.startsWith(TOKEN_PREFIX)) {
      request.actor = await fromToken(context, bearer, request.ip);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie) throw new AppError("unauthenticated", "sign in first");
      // The matched route's pattern, so the gates compare whole routes (unmatched: none).
      const route = request.routeOptions.url ?? "";
      request.actor = await fromSession(context, cookie, request.ip, route);
    }
    checkScope(request.actor, request.method);
  });
  app.addHook(
    "preHandler",
    (
      request: FastifyRequest,
      reply: FastifyReply,
      done: (error?: Error) => void,
    ) => {
      if (request.actor?.via !== "session" || SAFE_METHODS.has(request.method))
        return done();
      app.csrfProtection(request, reply, done);
    },
  );
}
