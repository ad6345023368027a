// In-process HTTP helpers: sign in as a demo member and call the API with its cookie.
import type { LightMyRequestResponse } from "fastify";
import type { App } from "../../src/server/http/types.js";

export interface Session {
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export const DEMO_PASSWORD = "demo-password-1";

export function asCookie(app: App, cookie: string): Session {
  const call = (
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: { cookie },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    cookie,
    get: (url) => call("GET", url),
    post: (url, body) => call("POST", url, body ?? {}),
    patch: (url, body) => call("PATCH", url, body),
    put: (url, body) => call("PUT", url, body),
    delete: (url) => call("DELETE", url),
  };
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
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return asCookie(app, cookie);
}
