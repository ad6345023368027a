// Liveness, readiness and Prometheus metrics.
import client from "prom-client";
import type { AppContext } from "../context.js";
import { isReachable } from "../db/database.js";
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
  app.get("/readyz", hidden, async (_request, reply) => {
    const ok = await isReachable(context.db);
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? "ready" : "database unreachable" });
  });
  app.get("/metrics", hidden, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}
