// rapport score and rapport instruments, run from the compiled dist as a user runs them.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPack } from "../../src/core/instruments/bundled.js";

const run = promisify(execFile);
const CLI = path.resolve("dist/cli/main.js");
let dir: string;
let env: NodeJS.ProcessEnv;

async function rapport(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function writePack(name: string, pack: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(pack));
  return file;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-cli-instruments-"));
  env = {
    PATH: process.env.PATH,
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
    RAPPORT_DEMO_PASSWORD: "demo-password-1",
  };
  expect((await rapport("demo")).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("rapport score and instruments", () => {
  it.each(["score", "instruments", "instruments install"])(
    "%s --help explains itself",
    async (command) => {
      const { code, stdout } = await rapport(...command.split(" "), "--help");
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: rapport/);
    },
  );

  it("scores comma-separated answers as one JSON document; invalid answers exit 1 with reasons", async () => {
    const ok = await rapport("score", "phq-9", "1,2,0,1,0,1,0,0,0");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      valid: true,
      total: 5,
      band: { label: "mild" },
    });
    const bad = await rapport("score", "phq-9", "1,2,9");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false });
    expect(bad.stderr).toMatch(/q3: 9 is not one of the answers/);
    expect((await rapport("score", "nope", "1")).code).not.toBe(0);
  });

  it("prints CORE-10's own band as band.label (Barkham et al. 2013 bands) and says which answer convention it takes", async () => {
    const band = async (answers: string) =>
      JSON.parse((await rapport("score", "core-10", answers)).stdout) as {
        total: number;
        band: { label: string };
      };
    expect(await band("2,2,2,2,2,0,2,1,1,0")).toMatchObject({
      total: 14,
      band: { label: "mild" },
    });
    expect(await band("2,2,2,2,2,0,2,1,1,1")).toMatchObject({
      total: 15,
      band: { label: "moderate" },
    });
    expect(await band("3,2,2,3,3,0,3,3,3,2")).toMatchObject({
      total: 24,
      band: { label: "moderate-to-severe" },
    });
    expect(await band("3,2,2,3,3,0,3,3,3,3")).toMatchObject({
      total: 25,
      band: { label: "severe" },
    });
    // Items 2 and 3 answered "Not at all" (option position 0) score 4 each.
    expect(await band("0,0,0,0,0,0,0,0,0,0")).toMatchObject({ total: 8 });
    const help = (await rapport("score", "--help")).stdout.replace(/\s+/g, " ");
    expect(help).toMatch(/Reverse-scored items take the same option positions/);
    expect(help).toMatch(
      /never enter the reversed score a paper form may print/,
    );
  });

  it("installs a valid pack, refuses an invalid one listing every problem on stderr, and lists the result", async () => {
    const pack = { ...structuredClone(bundledPack("gad-7")), version: "1.2.0" };
    const broken = { ...pack, id: "Bad Id", kind: "mood", validated: "yes" };
    const refused = await rapport(
      "instruments",
      "install",
      writePack("bad.json", broken),
      "--organisation",
      "Demo Clinic",
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/\/id/);
    expect(refused.stderr).toMatch(/\/kind/);
    expect(refused.stderr).toMatch(/\/validated/);
    const file = writePack("gad-7-1.2.0.json", pack);
    const installed = await rapport(
      "instruments",
      "install",
      file,
      "--organisation",
      "Demo Clinic",
    );
    expect(installed.code).toBe(0);
    expect(JSON.parse(installed.stdout)).toMatchObject({
      id: "gad-7",
      version: "1.2.0",
      bundled: false,
    });
    const again = await rapport(
      "instruments",
      "install",
      file,
      "--organisation",
      "Demo Clinic",
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already available/);
    const list = await rapport(
      "instruments",
      "list",
      "--organisation",
      "Demo Clinic",
    );
    const items = JSON.parse(list.stdout) as {
      id: string;
      version: string;
      validated: boolean;
    }[];
    expect(items.find((i) => i.id === "gad-7")?.version).toBe("1.2.0");
    expect(items.find((i) => i.id === "rapport-alliance")?.validated).toBe(
      false,
    );
    const bundledOnly = JSON.parse(
      (await rapport("instruments", "list")).stdout,
    ) as { id: string; version: string }[];
    expect(bundledOnly.find((i) => i.id === "gad-7")?.version).toBe("1.1.0");
    expect(
      (
        await rapport(
          "instruments",
          "install",
          file,
          "--organisation",
          "Nowhere",
        )
      ).code,
    ).toBe(2);
  });

  it("refuses a version that drops PHQ-9's risk item unless --confirm-dropped-risk-items, and audits the confirmation", async () => {
    const phq9 = structuredClone(bundledPack("phq-9")!);
    const file = writePack("phq-9-no-risk.json", {
      ...phq9,
      version: "7.0.0",
      scoring: { ...phq9.scoring, risk: [] },
    });
    const install = (...extra: string[]) =>
      rapport(
        "instruments",
        "install",
        file,
        "--organisation",
        "Demo Clinic",
        ...extra,
      );
    const refused = await install();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(
      /no longer declares the risk item\(s\) q9 .*--confirm-dropped-risk-items/,
    );
    const confirmed = await install("--confirm-dropped-risk-items");
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ version: "7.0.0" });
    const db = new SQLite(path.join(dir, "rapport.db"), { readonly: true });
    const actions = db
      .prepare(
        "select action, source from audit_log where action like 'pack.%'",
      )
      .all();
    db.close();
    expect(actions).toContainEqual({
      action: "pack.risk-items-dropped",
      source: "cli",
    });
  });

  it("reports reliability with n on the organisation's demo responses", async () => {
    const res = await rapport(
      "instruments",
      "reliability",
      "rapport-alliance",
      "--organisation",
      "Demo Clinic",
    );
    expect(res.code).toBe(0);
    const report = JSON.parse(res.stdout) as {
      n: number;
      items: number;
      alpha: number;
      omega: number;
    };
    expect(report.items).toBe(4);
    expect(report.n).toBeGreaterThan(100);
    expect(report.alpha).toBeGreaterThan(0);
    expect(report.omega).toBeGreaterThan(0);
  });
});
