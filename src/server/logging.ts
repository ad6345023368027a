// Structured JSON logs (pino). Requests are logged by method, path and status only: no bodies,
// no query strings (they may carry tokens or names), no cookies or authorisation headers, and no
// credential in a path: the client's check-in and progress links carry their token in the path
// itself (/c/<token>, /c/<token>/unsubscribe, /p/<token>), so it is replaced before logging.
import type { FastifyServerOptions } from "fastify";

const REDACTED = "[redacted]";
// /c/<token>... and /p/<token>, but not the check-in page's shared assets (/c/assets/...).
const TOKEN_IN_PATH = /^\/(c|p)\/(?!assets(?:\/|$))[^/]+/;

/** The path without its query string, with any link token replaced. */
export function redactPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.replace(TOKEN_IN_PATH, `/$1/${REDACTED}`);
}

export function loggerOptions(
  level: string,
  stream: NodeJS.WritableStream = process.stderr, // stdout is reserved for data a command prints
): FastifyServerOptions["logger"] {
  return {
    level,
    stream,
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
        path: redactPath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
