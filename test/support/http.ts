// In-process HTTP helpers: sign in as a member and call the API with its cookies and CSRF token.
import type { LightMyRequestResponse } from "fastify";
import type { App } from "../../src/server/http/types.js";

export interface Session {
  cookie: string;
  csrfToken: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export const DEMO_PASSWORD = "demo-password-1";

export function asCookie(app: App, cookie: string, csrfToken: string): Session {
  const call = (
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrfToken },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    csrfToken,
    get: (url) => call("GET", url),
    post: (url, body) => call("POST", url, body ?? {}),
    patch: (url, body) => call("PATCH", url, body),
    put: (url, body) => call("PUT", url, body),
    delete: (url, body) => call("DELETE", url, body),
  };
}

export function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The cookie header after a response: its cookies replace those of the same name in `jar`. */
export function updateCookies(
  jar: string,
  response: LightMyRequestResponse,
): string {
  const cookies = new Map(
    jar
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c] as const),
  );
  for (const c of response.cookies) cookies.set(c.name, `${c.name}=${c.value}`);
  return [...cookies.values()].join("; ");
}

/**
 * Enters a second-factor code in a pending session; a right code starts a new session (a new
 * cookie and CSRF token), returned with the response.
 */
export async function verifyCode(
  app: App,
  pending: Session,
  code: string,
): Promise<{ response: LightMyRequestResponse; session: Session }> {
  const response = await pending.post("/api/auth/totp/verify", { code });
  const session =
    response.statusCode === 200
      ? asCookie(
          app,
          updateCookies(pending.cookie, response),
          response.json<{ csrfToken: string }>().csrfToken,
        )
      : pending;
  return { response, session };
}

export async function signIn(
  app: App,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(
      `sign-in of ${email} failed: ${response.statusCode} ${response.body}`,
    );
  return asCookie(
    app,
    cookiesOf(response),
    response.json<{ csrfToken: string }>().csrfToken,
  );
}

/** A bearer-token caller (no cookies, no CSRF). */
export function asToken(app: App, token: string): Session {
  const call = (
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie: "",
    csrfToken: "",
    get: (url) => call("GET", url),
    post: (url, body) => call("POST", url, body ?? {}),
    patch: (url, body) => call("PATCH", url, body),
    put: (url, body) => call("PUT", url, body),
    delete: (url, body) => call("DELETE", url, body),
  };
}
