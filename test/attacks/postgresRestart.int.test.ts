// Attack on availability (issue #15, item 8): restart PostgreSQL under a running Rapport, as an
// operator or a failover would. The pool's connections were ended ("terminating connection due to
// administrator command") and the unhandled 'error' event killed the server. Now the server
// survives, answers 503 with Retry-After while the database is away, /readyz says so, and it
// recovers by itself. Runs against a throwaway cluster this test starts with Debian's binaries,
// never the machine's shared PostgreSQL.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../../src/server/context.js";
import type { Database } from "../../src/server/db/schema.js";
import { startScheduler } from "../../src/server/jobs/scheduler.js";

const exec = promisify(execFile);
const CLI = path.resolve("dist/cli/main.js");

/** The newest installed PostgreSQL's bin directory, or undefined. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin/pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], "bin");
}

const BIN = postgresBin();
if (!BIN)
  process.stderr.write(
    "\n[postgresRestart] NO PostgreSQL BINARIES under /usr/lib/postgresql: the PostgreSQL restart attack test is SKIPPED (apt-get install postgresql to run it)\n\n",
  );

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/**
 * The environment without libfaketime: the throwaway cluster keeps the real clock like CI's shared
 * PostgreSQL (the suite also runs under `faketime`, whose root-owned semaphore the postgres user
 * cannot open).
 */
const REAL_CLOCK_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => name !== "LD_PRELOAD" && !name.startsWith("FAKETIME"),
  ),
);

/** Runs a PostgreSQL binary as the postgres user (we may be root, which PostgreSQL refuses). */
async function asPostgres(binary: string, args: string[]): Promise<string> {
  const command = [path.join(BIN ?? "", binary), ...args];
  const options = { env: REAL_CLOCK_ENV };
  const { stdout } =
    process.getuid?.() === 0
      ? await exec(
          "su",
          ["postgres", "-c", command.map(quote).join(" ")],
          options,
        )
      : await exec(command[0] ?? "", command.slice(1), options);
  return stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!BIN)(
  "a PostgreSQL restart under a running server (attack: availability)",
  () => {
    let dir: string;
    let data: string;
    let pgPort: number;
    let base: string;
    let server: ChildProcess;
    let stderr = "";
    let cookie = "";
    const pgCtl = (...args: string[]) =>
      asPostgres("pg_ctl", ["-D", data, "-w", "-m", "fast", ...args]);
    const get = (url: string) =>
      fetch(`${base}${url}`, { headers: { cookie } });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-pg-restart-"));
      data = path.join(dir, "cluster");
      if (process.getuid?.() === 0) {
        const { stdout } = await exec("id", ["-u", "postgres"]);
        const uid = Number(stdout.trim());
        fs.chownSync(dir, uid, uid);
      }
      pgPort = await freePort();
      await asPostgres("initdb", [
        "-D",
        data,
        "-A",
        "trust",
        "-U",
        "postgres",
        "--no-sync",
      ]);
      await pgCtl(
        "-l",
        path.join(dir, "postgres.log"),
        "-o",
        `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "start",
      );

      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = spawn(process.execPath, [CLI, "serve", "--demo"], {
        env: {
          PATH: process.env.PATH,
          RAPPORT_DATA_DIR: path.join(dir, "app"),
          RAPPORT_DATA_KEY: crypto.randomBytes(32).toString("base64"),
          RAPPORT_DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/postgres`,
          RAPPORT_DEMO_PASSWORD: "demo-password-1",
          RAPPORT_PORT: String(port),
          RAPPORT_HOST: "127.0.0.1",
        },
      });
      server.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
      server.stdout?.resume();
      for (let i = 0; i < 600 && !stderr.includes("listening on"); i++)
        await sleep(100);
      expect(stderr).toMatch(/listening on/);
      const login = await fetch(`${base}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: "therapist1@demo.rapport.test",
          password: "demo-password-1",
        }),
      });
      expect(login.status).toBe(200);
      cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    }, 180_000);

    afterAll(async () => {
      if (server?.exitCode === null) server.kill("SIGKILL");
      await pgCtl("stop").catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /** Polls until the URL answers `status` (the server recovers by itself), up to 30 s. */
    async function until(url: string, status: number): Promise<Response> {
      let last: Response | undefined;
      for (let i = 0; i < 300; i++) {
        last = await get(url);
        if (last.status === status) return last;
        await sleep(100);
      }
      throw new Error(`${url} still answers ${last?.status}`);
    }

    it("keeps running through pg_ctl restart and serves again", async () => {
      expect((await get("/api/clients")).status).toBe(200);
      // Several requests at once, so the pool holds several connections for the restart to end.
      await Promise.all(
        Array.from({ length: 8 }, () => get("/api/caseload?limit=50")),
      );
      await pgCtl("-l", path.join(dir, "postgres.log"), "restart");
      await sleep(500);
      expect(server.exitCode, stderr.slice(-2000)).toBeNull();
      expect((await until("/api/clients", 200)).status).toBe(200);
      expect((await get("/readyz")).status).toBe(200);
    }, 60_000);

    it("answers 503 with Retry-After during an outage, in-flight requests included, then recovers", async () => {
      const inFlight = Array.from({ length: 10 }, () =>
        get("/api/caseload?limit=50").then((r) => r.status),
      );
      await pgCtl("stop");
      // Every request in flight got an answer (200 before the stop, 503 after), none a reset.
      for (const status of await Promise.all(inFlight))
        expect([200, 503]).toContain(status);

      const ready = await get("/readyz");
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toMatch(/^\d+$/);
      const read = await get("/api/clients");
      expect(read.status).toBe(503);
      expect(read.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await read.json()).toMatchObject({
        error: { code: "unavailable" },
      });
      expect(server.exitCode).toBeNull();

      await pgCtl(
        "-l",
        path.join(dir, "postgres.log"),
        "-o",
        `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        "start",
      );
      expect((await until("/readyz", 200)).status).toBe(200);
      expect((await get("/api/clients")).status).toBe(200);
    }, 60_000);

    it("shuts down cleanly afterwards, with no unhandled error on the way", async () => {
      expect(server.exitCode, stderr.slice(-2000)).toBeNull();
      const exited = new Promise<number | null>((resolve) =>
        server.once("close", resolve),
      );
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).not.toMatch(/Unhandled 'error' event|unhandledRejection/);
    }, 30_000);
  },
);

describe("scheduled jobs while the database is away (attack: availability)", () => {
  it("skip the tick and log it, instead of an unhandled rejection that ends the process", async () => {
    const pool = new pg.Pool({
      connectionString: `postgres://nobody@127.0.0.1:${await freePort()}/none`,
      connectionTimeoutMillis: 1_000,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const error = vi.fn();
    const context = {
      db,
      clock: () => new Date("2026-11-02T10:00:00.000Z"),
      log: { error },
    } as unknown as AppContext; // all a tick touches
    const run = vi.fn(() => Promise.resolve());
    const scheduler = startScheduler(
      context,
      [{ name: "job", everySeconds: 60, run }],
      { timer: false },
    );
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(run).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      "scheduled jobs skipped",
    );
    await scheduler.stop();
    await db.destroy();
  });
});
