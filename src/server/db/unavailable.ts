// Which failures mean "the database cannot be reached right now" (a restart, a failover, a network
// cut) rather than a bug: those are answered 503 with Retry-After, and clear up by themselves.

/** What Retry-After says during an outage: a PostgreSQL restart takes a few seconds (design choice). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL SQLSTATEs: class 08 (connection exception), shutdown and start-up (57P01-57P03), too many connections. */
const UNAVAILABLE_STATES = /^(?:08...|57P0[123]|53300)$/;
const UNAVAILABLE_SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** node-postgres reports these without a code. */
const UNAVAILABLE_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed)/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string")
    if (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SYSTEM_CODES.has(code))
      return true;
  if (UNAVAILABLE_MESSAGES.test(error.message)) return true;
  const inner = error instanceof AggregateError ? error.errors : [error.cause];
  return inner.some((e) => isDatabaseUnavailable(e, depth + 1));
}
