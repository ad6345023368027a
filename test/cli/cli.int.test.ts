// The compiled CLI as a user runs it: stdout carries data only, stderr the rest.
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationProvider } from "../../src/server/db/migrations/index.js";

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

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-cli-"));
  env = {
    PATH: process.env.PATH,
    RAPPORT_DATA_DIR: dir,
    RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
    RAPPORT_DEMO_PASSWORD: "demo-password-1",
  };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COMMANDS = [
  "serve",
  "migrate",
  "demo",
  "backup",
  "restore",
  "create-admin",
  "audit",
  "analyze",
  "model",
  "token",
  "rotate-key",
  "score",
  "instruments",
  "export",
];

describe("rapport CLI", () => {
  it.each(COMMANDS)("%s --help explains itself", async (command) => {
    const { code, stdout } = await rapport(command, "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Usage: rapport ${command} `));
  });

  it("lists every command in the top-level help, though each run loads only its own", async () => {
    const { code, stdout } = await rapport("--help");
    expect(code).toBe(0);
    for (const command of COMMANDS)
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    const unknown = await rapport("analyse");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command 'analyse'/);
  });

  it("migrates, then seeds the demo, printing only JSON on stdout", async () => {
    const all = Object.keys(await migrationProvider.getMigrations());
    expect(JSON.parse((await rapport("migrate")).stdout)).toEqual({
      applied: all,
    });
    expect(JSON.parse((await rapport("migrate")).stdout)).toEqual({
      applied: [],
    });
    const demo = await rapport("demo");
    expect(demo.code).toBe(0);
    const out = JSON.parse(demo.stdout) as {
      accounts: { email: string }[];
      password: string;
    };
    expect(out.password).toBe("demo-password-1");
    expect(out.accounts.map((a) => a.email)).toContain(
      "therapist1@demo.rapport.test",
    );
    expect(demo.stderr).toMatch(/Sign in/);
    const again = await rapport("demo");
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("keeps client names and free text out of the database files", () => {
    const files = fs.readdirSync(dir).filter((f) => f.startsWith("rapport.db"));
    const bytes = Buffer.concat(
      files.map((f) => fs.readFileSync(path.join(dir, f))),
    );
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [
      "Sam Ortiz",
      "Priya Nair",
      "Ortiz",
      "Go back to the choir",
      "Reconnect with my brother",
    ]) {
      expect(bytes.includes(secret), secret).toBe(false);
    }
  });

  it("export research writes the de-identified export of the demo to a folder, once", async () => {
    const out = path.join(dir, "research");
    const args = ["export", "research", "--organisation", "Demo Clinic"];
    const tooSmall = await rapport(...args, "--out", out, "--k", "2");
    expect(tooSmall.code).toBe(2);
    expect(tooSmall.stderr).toMatch(/at least 3/);
    const done = await rapport(...args, "--out", out, "--from", "2000-01-01");
    expect(done.code).toBe(0);
    const summary = JSON.parse(done.stdout) as {
      clients: number;
      leftOut: Record<string, number>;
      secret: string;
    };
    expect(summary.clients).toBeGreaterThan(10);
    expect(summary.leftOut["no research-export consent"]).toBeGreaterThan(0);
    expect(summary.secret).toMatch(/^[\w-]{43}$/);
    expect(fs.readdirSync(out).sort()).toEqual(
      [
        "README.md",
        "alerts.csv",
        "clients.csv",
        "codebook.csv",
        "episodes.csv",
        "items.csv",
        "research-bundle.json",
        "responses.csv",
        "sessions.csv",
        "transcript_profiles.csv",
      ].sort(),
    );
    const all = fs
      .readdirSync(out)
      .map((f) => fs.readFileSync(path.join(out, f), "utf8"))
      .join("\n");
    expect(all).not.toContain(summary.secret);
    expect(all).not.toContain("Sam Ortiz");
    const again = await rapport(...args, "--out", out);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
    const stable = await rapport(
      ...args,
      "--out",
      path.join(dir, "r2"),
      "--stable-secret",
    );
    expect(JSON.parse(stable.stdout)).toMatchObject({ secret: null });
    const audit = new SQLite(path.join(dir, "rapport.db"), { readonly: true });
    const entries = audit
      .prepare("select source from audit_log where action = 'research.export'")
      .all();
    audit.close();
    expect(entries).toEqual([{ source: "cli" }, { source: "cli" }]);
  });

  it("creates an administrator from a password on stdin", async () => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        "create-admin",
        "--email",
        "Boss@Example.org",
        "--organisation",
        "New Clinic",
      ],
      { env },
    );
    child.stdin.end("a-very-long-password\n");
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
    const created = JSON.parse(stdout) as {
      id: string;
      organisationId: string;
    };
    expect(created).toMatchObject({ email: "boss@example.org" });
    // An account with a password set by someone else: on record, from the command line.
    const db = new SQLite(path.join(dir, "rapport.db"), { readonly: true });
    expect(
      db
        .prepare(
          "select action, actor_id, subject_id, source from audit_log where organisation_id = ?",
        )
        .all(created.organisationId),
    ).toEqual([
      {
        action: "member.create",
        actor_id: null,
        subject_id: created.id,
        source: "cli",
      },
    ]);
    db.close();
  });

  it("backs up online and restores", async () => {
    const file = path.join(dir, "backup.db");
    const backup = await rapport("backup", file);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ backup: file });
    const db = new SQLite(path.join(dir, "rapport.db"));
    db.prepare("delete from goals").run();
    db.close();
    expect((await rapport("restore", file)).code).toBe(0);
    const restored = new SQLite(path.join(dir, "rapport.db"));
    expect(
      (
        restored.prepare("select count(*) as n from goals").get() as {
          n: number;
        }
      ).n,
    ).toBeGreaterThan(0);
    restored.close();
    const notRapport = path.join(dir, "other.db");
    new SQLite(notRapport).close();
    expect((await rapport("restore", notRapport)).stderr).toMatch(
      /not a Rapport database/,
    );
  });

  it("audit verify passes, then detects a row altered directly in the database", async () => {
    expect((await rapport("audit", "verify")).code).toBe(0);
    const db = new SQLite(path.join(dir, "rapport.db"));
    db.prepare(
      "update audit_log set action = 'nothing.to.see' where seq = 1",
    ).run();
    db.close();
    const verify = await rapport("audit", "verify");
    expect(verify.code).toBe(1);
    expect(JSON.stringify(JSON.parse(verify.stdout))).toMatch(/altered/);
  });

  it("reports an unreachable database in one line, without a stack trace", async () => {
    const saved = env;
    env = {
      ...env,
      RAPPORT_DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    };
    const result = await rapport("migrate");
    env = saved;
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/cannot reach PostgreSQL/);
  });

  it("reports a bad configuration value in one line", async () => {
    const saved = env;
    env = { ...env, RAPPORT_PORT: "http" };
    const result = await rapport("serve");
    env = saved;
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'rapport: RAPPORT_PORT must be an integer between 0 and 65535, got "http"',
    );
  });

  it("serves /healthz and shuts down gracefully on SIGTERM", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [CLI, "serve"], {
      env: { ...env, RAPPORT_PORT: String(port), RAPPORT_HOST: "127.0.0.1" },
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("close", resolve),
    );
    for (let i = 0; i < 100 && !stderr.includes("listening on"); i++)
      await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: "ok" });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(
      await (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
    ).toMatch(/rapport_http_request_duration_seconds/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/shutting down/);
    expect(stderr).not.toMatch(/Sam Ortiz|Priya Nair/);
  });
});
