// The sign-in session cookie: httpOnly, SameSite=Strict, and Secure whenever the public URL is
// https (decided by configuration, not by the request, so it holds behind a TLS proxy).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../config.js";

export const SESSION_COOKIE = "rapport_session";

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  token: string,
): string {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteSeconds,
  });
  // The CSRF token is bound to the new session id (which also defeats session fixation).
  request.cookies[SESSION_COOKIE] = token;
  return reply.generateCsrf({ userInfo: token });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: config.secureCookies,
  });
}
