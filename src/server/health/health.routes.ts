// Liveness, readiness and Prometheus metrics.
import client from "prom-client";
import type { AppContext } from "../context.js";
import { isReachable } from "../db/database.js";
import { DATABASE_RETRY_AFTER_SECONDS } from "../db/unavailable.js";
import type { App } from "../http/types.js";

export function healthRoutes(app: App, context: AppContext): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: "rapport_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook("onResponse", (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? "unmatched",
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  const hidden = { schema: { hide: true } };
  app.get("/healthz", hidden, () => ({ status: "ok" }));
  // Not ready while the database is unreachable; ready again, by itself, once it answers.
  app.get("/readyz", hidden, async (_request, reply) => {
    if (await isReachable(context.db))
      return reply.status(200).send({ status: "ready" });
    return reply
      .status(503)
      .header("retry-after", String(DATABASE_RETRY_AFTER_SECONDS))
      .send({ status: "database unreachable" });
  });
  app.get("/metrics", hidden, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
