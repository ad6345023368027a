// Authenticates every /api request from the session cookie; anonymous requests get 401.
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { AppError } from "../errors.js";
import type { App } from "../http/types.js";
import {
  deleteSession,
  findSession,
  touchSession,
} from "./sessions.repository.js";

export const SESSION_COOKIE = "rapport_session";
const TOUCH_INTERVAL_MS = 60_000;
const PUBLIC_PREFIXES = ["/api/auth/login", "/api/docs"];

export function installAuthentication(app: App, context: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    const url = request.url.split("?")[0] ?? "";
    if (
      !url.startsWith("/api/") ||
      PUBLIC_PREFIXES.some((p) => url.startsWith(p))
    )
      return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError("unauthenticated", "sign in first");
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
    // Refresh the idle clock at most once a minute: a write per request would cost an fsync.
    if (
      now.getTime() - new Date(session.last_seen_at).getTime() >
      TOUCH_INTERVAL_MS
    ) {
      await touchSession(context.db, session.id_hash, isoNow(context));
    }
    request.actor = {
      memberId: session.member_id,
      organisationId: session.organisation_id,
      role: session.role,
      source: request.ip,
    };
  });
}
