// Structured JSON logs (pino). Requests are logged by method, route and status only: no bodies,
// no query strings (they may carry tokens or names), no cookies or authorisation headers.
import type { FastifyServerOptions } from "fastify";

export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    stream: process.stderr, // stdout is reserved for data a command prints
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "res.headers['set-cookie']",
      ],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split("?")[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
