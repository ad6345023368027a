// Security headers on every reply: helmet's defaults with Rapport's content security policy, and
// `Cache-Control: no-store` on the API.
// The policy is fixed, so helmet runs once, at startup, against a recorder, and every reply
// gets the headers it set. Run per request, helmet's middleware rebuilt the policy string and
// set a dozen headers one by one on the raw response: about 4% of a check-in submission's CPU.
import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";

const middleware = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** The headers helmet sets, recorded from one run of its middleware. */
export function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: Error | undefined;
  middleware(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error)
        failure =
          error instanceof Error
            ? error
            : new Error("helmet refused its options");
    },
  );
  if (failure) throw failure;
  return headers;
}

// API answers hold health data: no browser, proxy or shared cache may keep a copy (a shared
// computer's back button, a caching proxy), errors included.
const NO_STORE = ["/api/", "/fhir/"];

export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  const apiHeaders = { ...headers, "cache-control": "no-store" };
  app.addHook("onRequest", (request, reply, done) => {
    const api = NO_STORE.some((prefix) => request.url.startsWith(prefix));
    void reply.headers(api ? apiHeaders : headers);
    done();
  });
}
