// A fake server for component tests: answers fetch() from a table of "METHOD /path" handlers
// and records every call.
import { vi } from "vitest";

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (body: unknown) => [status: number, json: unknown];

export function fakeApi(routes: Record<string, unknown>): Call[] {
  const calls: Call[] = [];
  const respond = (init: RequestInit | undefined, input: string): Response => {
    const method = init?.method ?? "GET";
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const body: unknown =
      typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, url: input, headers, body });
    const route = routes[`${method} ${input}`];
    const [status, json] =
      route === undefined
        ? [
            404,
            {
              error: {
                code: "not_found",
                message: `no route ${method} ${input}`,
              },
            },
          ]
        : typeof route === "function"
          ? (route as Handler)(body)
          : [200, route];
    return new Response(status === 204 ? null : JSON.stringify(json), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  vi.stubGlobal(
    "fetch",
    vi.fn((input: string, init?: RequestInit) =>
      Promise.resolve(respond(init, input)),
    ),
  );
  return calls;
}
