import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { installErrorHandling } from "../http/errorHandler.js";
import type { App } from "../http/types.js";
import { webRoutes } from "./web.routes.js";

const dirs: string[] = [];
function builtUi(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-web-"));
  dirs.push(root);
  fs.mkdirSync(path.join(root, "assets"));
  fs.writeFileSync(
    path.join(root, "index.html"),
    "<!doctype html><title>UI</title>",
  );
  fs.writeFileSync(path.join(root, "assets", "index-abc.js"), "console.log(1)");
  fs.writeFileSync(path.join(root, "favicon.svg"), "<svg/>");
  return root;
}
async function appWith(root: string): Promise<App> {
  const app = Fastify() as unknown as App;
  installErrorHandling(app);
  webRoutes(app, root);
  await app.ready();
  return app;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("web routes", () => {
  it("serves index.html at / and for client-side routes, without caching it", async () => {
    const app = await appWith(builtUi());
    for (const url of ["/", "/clients/abc", "/admin/audit?x=1"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.body).toContain("<title>UI</title>");
    }
  });

  it("serves hashed assets as immutable and other files briefly cached", async () => {
    const app = await appWith(builtUi());
    const asset = await app.inject({ url: "/assets/index-abc.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
    const icon = await app.inject({ url: "/favicon.svg" });
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
  });

  it("leaves /api and /fhir to the JSON not-found answer", async () => {
    const app = await appWith(builtUi());
    for (const url of ["/api/nothing", "/fhir/R4/Nothing", "/api"]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("never serves a file outside the UI folder", async () => {
    const app = await appWith(builtUi());
    for (const url of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
      "/%E0%A4%A",
    ]) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('"name"');
    }
  });

  it("starts without a built UI and says how to build it", async () => {
    const app = await appWith(path.join(os.tmpdir(), "rapport-no-such-ui"));
    const page = await app.inject({ url: "/" });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain("npm run build");
    expect((await app.inject({ url: "/api/x" })).statusCode).toBe(404);
  });
});
