// One clock: lint refuses the machine's time outside src/server/clock.ts, and the database's clock
// in SQL anywhere (issue #13), so neither can come back. Lints real files of the project plus a probe text.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const PROBE = [
  "export const a = Date.now();",
  "export const b = Date();",
  "export const c = new Date();",
  'export const d = new Date("2026-01-01T00:00:00Z");',
  "export const e = `select * from leases where until < now()`;",
  'export const f = "insert into t values (CURRENT_TIMESTAMP)";',
  "export const g = `select * from leases where until < ${d.toISOString()}`;",
  "",
].join("\n");

async function clockErrors(filePath: string): Promise<number[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(PROBE, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-syntax")
    .map((m) => m.line);
}

describe("the one-clock lint rule", () => {
  it("refuses Date.now(), Date(), new Date() and SQL's own clock in core, server and cli, but not new Date(value)", async () => {
    for (const file of [
      "src/core/stats/prng.ts",
      "src/server/context.ts",
      "src/cli/main.ts",
    ])
      expect(await clockErrors(file)).toEqual([1, 2, 3, 5, 6]);
  }, 60_000);

  it("allows them in the module that defines the real clock", async () => {
    expect(await clockErrors("src/server/clock.ts")).toEqual([]);
  }, 60_000);
});
