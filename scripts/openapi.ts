// Writes docs/openapi.json from the route schemas (checked in; a test fails on drift).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/config.js";
import { startRuntime } from "../src/server/runtime.js";

export const OPENAPI_FILE = path.join(
  import.meta.dirname,
  "..",
  "docs",
  "openapi.json",
);

export async function generateOpenApi(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-openapi-"));
  const runtime = await startRuntime(
    loadConfig({
      RAPPORT_DATA_DIR: dir,
      RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
    }),
  );
  try {
    const app = await buildApp(runtime.context, { logger: false });
    await app.ready();
    const text = JSON.stringify(app.swagger(), null, 2) + "\n";
    await app.close();
    return text;
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(OPENAPI_FILE, await generateOpenApi());
  process.stderr.write(`wrote ${OPENAPI_FILE}\n`);
}
