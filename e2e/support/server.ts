// The Rapport server in-process on a random loopback port, with a throwaway SQLite database
// seeded with the demo organisations. Serves the UI that `npm run build` put in dist/web.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/config.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { AppContext } from "../../src/server/context.js";
import { startRuntime } from "../../src/server/runtime.js";
import { WEB_ROOT } from "../../src/server/web/web.routes.js";

export const DEMO_PASSWORD = "e2e-demo-password-1";

export interface TestServer {
  url: string;
  context: AppContext;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  if (!fs.existsSync(path.join(WEB_ROOT, "index.html")))
    throw new Error(`no built UI in ${WEB_ROOT}: run \`npm run build\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-e2e-"));
  const runtime = await startRuntime(
    loadConfig({
      RAPPORT_DATA_DIR: dir,
      RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
      RAPPORT_DEMO_PASSWORD: DEMO_PASSWORD,
      RAPPORT_LOGIN_RATE_PER_MINUTE: "1000",
      RAPPORT_LOG_LEVEL: "silent",
    }),
  );
  await seedDemo(runtime.context);
  const app = await buildApp(runtime.context, { logger: false });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    context: runtime.context,
    async close() {
      await app.close();
      await runtime.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
