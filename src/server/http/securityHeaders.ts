// Security headers on every reply: helmet's defaults with Rapport's content security policy.
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

export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders();
  app.addHook("onRequest", (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
