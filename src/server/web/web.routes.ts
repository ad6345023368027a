// The browser UI: the built single-page app from dist/web, with index.html for every other
// GET outside /api and /fhir so that client-side routes survive a reload.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "../http/types.js";

/** dist/web at the package root, from src/server/web (tsx, tests) and dist/server/web alike. */
export const WEB_ROOT = fileURLToPath(
  new URL("../../../dist/web/", import.meta.url),
);
const NOT_UI = /^\/(api|fhir)(\/|$)/;
const NOTICE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rapport</title></head>' +
  "<body><main><h1>Rapport</h1><p>The web interface has not been built. Run " +
  "<code>npm run build</code> and restart the server; the API is at " +
  '<a href="/api/docs">/api/docs</a>.</p></main></body></html>';

/** The asset under root that a URL path names, or null (missing, a folder, or outside root). */
function assetFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = path.normalize(decoded).replace(/^[/\\]+/, "");
  if (relative === "" || relative.startsWith("..")) return null;
  const full = path.join(root, relative);
  if (
    !full.startsWith(root) ||
    !fs.statSync(full, { throwIfNoEntry: false })?.isFile()
  )
    return null;
  return relative;
}

function serveUi(root: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split("?")[0] ?? "/";
    if (NOT_UI.test(urlPath)) return reply.callNotFound();
    const asset = assetFor(root, urlPath);
    if (asset?.startsWith("assets/"))
      return reply.sendFile(asset, { maxAge: "365d", immutable: true });
    if (asset) return reply.sendFile(asset, { maxAge: "1h" });
    void reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html", { cacheControl: false });
  };
}

export function webRoutes(app: App, root: string = WEB_ROOT): void {
  const schema = { hide: true };
  if (!fs.existsSync(path.join(root, "index.html"))) {
    app.get("/*", { schema }, async (request, reply) => {
      if (NOT_UI.test(request.url)) return reply.callNotFound();
      return reply.status(503).type("text/html; charset=utf-8").send(NOTICE);
    });
    return;
  }
  void app.register(fastifyStatic, { root, serve: false });
  app.get("/*", { schema }, serveUi(path.resolve(root)));
}
