// The one place the browser talks HTTP: JSON in and out (or a raw file up), the session cookie,
// and the CSRF token every state-changing request must carry (fetched again after a reload).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** A 404 from the server's not-found handler: the route itself does not exist (yet). */
  get routeMissing(): boolean {
    return this.status === 404 && this.message.startsWith("no route");
  }

  detail(key: string): boolean {
    return (
      typeof this.details === "object" &&
      this.details !== null &&
      (this.details as Record<string, unknown>)[key] === true
    );
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function errorOf(status: number, body: unknown): ApiError {
  const error =
    typeof body === "object" && body !== null && "error" in body
      ? (
          body as {
            error: { code?: unknown; message?: unknown; details?: unknown };
          }
        ).error
      : {};
  return new ApiError(
    status,
    typeof error.code === "string" ? error.code : "http_" + String(status),
    typeof error.message === "string"
      ? error.message
      : `the server answered ${status}`,
    error.details,
  );
}

/** Sign-in and password reset are open to anyone, so they carry no CSRF token. */
const ANONYMOUS = ["/api/auth/login", "/api/auth/password-reset/"];

/** A file sent as the request body itself (not JSON), with its content type. */
export class RawBody {
  constructor(
    readonly data: Blob | string,
    readonly contentType: string,
  ) {}
}

async function send(
  method: Method,
  url: string,
  body: unknown,
): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (method !== "GET") {
    if (!ANONYMOUS.some((prefix) => url.startsWith(prefix)))
      headers["x-csrf-token"] = await currentCsrfToken();
    if (body instanceof RawBody) {
      headers["content-type"] = body.contentType;
      init.body = body.data;
    } else {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(body ?? {});
    }
  }
  const response = await fetch(url, init);
  const text = response.status === 204 ? "" : await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw errorOf(response.status, data);
  return data;
}

async function currentCsrfToken(): Promise<string> {
  if (csrfToken === null) {
    const data = (await send("GET", "/api/auth/csrf", undefined)) as {
      csrfToken: string;
    };
    csrfToken = data.csrfToken;
  }
  return csrfToken;
}

/**
 * Calls the API and returns its JSON body typed as the route's response schema (docs/openapi.json).
 * A rejected CSRF token (a stale one after the session changed) is refreshed and retried once.
 */
export async function api<T>(
  method: Method,
  url: string,
  body?: unknown,
): Promise<T> {
  try {
    return (await send(method, url, body)) as T;
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status === 403 &&
      /csrf/i.test(error.message) &&
      method !== "GET"
    ) {
      csrfToken = null;
      return (await send(method, url, body)) as T;
    }
    throw error;
  }
}

/** Builds a query string from the defined values only. */
export function query(
  params: Record<string, string | number | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
