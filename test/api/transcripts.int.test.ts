// Transcript upload, background analysis and reading, on both dialects.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze } from "../../src/cli/analyze.js";
import {
  parseTranscript,
  type TranscriptFormat,
} from "../../src/core/transcripts/index.js";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import {
  openAnalysis,
  sealAnalysis,
} from "../../src/server/transcripts/storedAnalysis.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

const FIXTURES = path.join(
  import.meta.dirname,
  "../../src/core/transcripts/fixtures",
);
const fixture = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, name), "utf8");

const MAX_BYTES = 4096;
// session.vtt (423 B) and session.json (495 B) go to the worker thread; .srt and .txt stay in-process.
const THREAD_BYTES = 400;

interface Detail {
  id: string;
  status: string;
  error: string | null;
  format: string;
  bytes: number;
  profile: Record<string, unknown> | null;
  analysis: { utterances: Record<string, unknown>[]; profile: unknown } | null;
}

describe.each(DIALECTS)("transcripts on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let own: Session;
  let clientId: string;
  let sessionId: string;

  beforeAll(async () => {
    runtime = await testRuntime(dialect, {
      env: {
        RAPPORT_TRANSCRIPT_MAX_BYTES: String(MAX_BYTES),
        RAPPORT_TRANSCRIPT_THREAD_BYTES: String(THREAD_BYTES),
      },
    });
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    own = await signIn(app, "therapist1@demo.rapport.test");
    ({ clientId, sessionId } = await newClient(true));
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  async function newClient(consent: boolean) {
    const client = (
      await own.post("/api/clients", { name: "Transcript Client" })
    ).json<{ id: string }>();
    const session = (
      await own.post(`/api/clients/${client.id}/sessions`, {
        startsAt: "2026-11-02T10:00:00.000Z",
      })
    ).json<{ id: string }>();
    if (consent)
      await own.post(`/api/clients/${client.id}/consents`, {
        kind: "transcript-analysis",
        granted: true,
      });
    return { clientId: client.id, sessionId: session.id };
  }

  function upload(
    body: string,
    contentType: string,
    options: {
      query?: string;
      as?: Session;
      client?: string;
      session?: string;
    } = {},
  ) {
    const as = options.as ?? own;
    return app.inject({
      method: "POST",
      url: `/api/clients/${options.client ?? clientId}/sessions/${options.session ?? sessionId}/transcripts${options.query ?? ""}`,
      headers: {
        cookie: as.cookie,
        "x-csrf-token": as.csrfToken,
        "content-type": contentType,
      },
      payload: body,
    });
  }

  async function untilDone(id: string): Promise<Detail> {
    for (let i = 0; i < 200; i++) {
      const detail = (await own.get(`/api/transcripts/${id}`)).json<Detail>();
      if (detail.status === "done" || detail.status === "failed") return detail;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`transcript ${id} was not analysed in time`);
  }

  async function rowCount(): Promise<number> {
    const row = await runtime.context.db
      .selectFrom("transcripts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("the demo seeds two analysed transcripts for therapist1's featured clients", async () => {
    const rows = await runtime.context.db
      .selectFrom("transcripts")
      .select(["id", "status"])
      .execute();
    expect(rows.map((r) => r.status)).toEqual(["done", "done"]);
    for (const { id } of rows) {
      const detail = (await own.get(`/api/transcripts/${id}`)).json<Detail>();
      expect(detail.analysis?.utterances.length).toBe(14);
    }
  });

  it.each([
    ["session.vtt", "text/vtt", "vtt"],
    ["session.srt", "application/x-subrip", "srt"],
    ["session.txt", "text/plain", "text"],
    ["session.json", "application/json", "json"],
  ])(
    "analyses %s off the request path, in the CLI's JSON shape",
    async (file, contentType, format) => {
      const res = await upload(fixture(file), contentType);
      expect(res.statusCode, res.body).toBe(202);
      const { id, status } = res.json<{ id: string; status: string }>();
      expect(status).toBe("queued");
      const detail = await untilDone(id);
      expect(detail.status, detail.error ?? "").toBe("done");
      expect(detail.format).toBe(format);
      expect(detail.bytes).toBe(Buffer.byteLength(fixture(file)));
      const cli = JSON.parse(
        await runAnalyze(path.join(FIXTURES, file), { format: "json" }),
      ) as unknown;
      expect(detail.analysis).toEqual(cli);
      const utterances = detail.analysis?.utterances ?? [];
      expect(utterances[0]).toMatchObject({
        index: 0,
        speaker: "Dr Lee",
        role: "therapist",
      });
      expect(utterances.some((u) => u.role === "client")).toBe(true);
      expect(detail.profile).toMatchObject({
        counts: { therapistUtterances: 2 },
        rolesInferred: true,
      });
      expect(detail.profile).not.toHaveProperty("feedback");
    },
  );

  it("lists a client's transcripts with status and numeric profile", async () => {
    const res = await own.get(`/api/clients/${clientId}/transcripts`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Detail[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      expect(item.status).toBe("done");
      expect(item.profile).toHaveProperty("reflectionToQuestion");
      expect(item).not.toHaveProperty("analysis");
    }
  });

  it("labels every profile an automated estimate, not a MITI rating, even one stored before the label", async () => {
    const res = await upload(fixture("session.txt"), "text/plain");
    const { id } = res.json<{ id: string }>();
    const label = "automated estimate, not a MITI rating";
    const fresh = await untilDone(id);
    expect(fresh.profile).toMatchObject({ label });
    expect(fresh.analysis?.profile).toMatchObject({ label });
    // A profile and analysis stored without the label (as every one before it was).
    const row = await runtime.context.db
      .selectFrom("transcripts")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const oldProfile = JSON.parse(row.profile!) as Record<string, unknown>;
    delete oldProfile.label;
    const document = await openAnalysis(
      runtime.context.cipher,
      runtime.context.db,
      row,
      row.analysis_enc!,
    );
    const oldAnalysisProfile: Record<string, unknown> = { ...document.profile };
    delete oldAnalysisProfile.label;
    await runtime.context.db
      .updateTable("transcripts")
      .set({
        profile: JSON.stringify(oldProfile),
        analysis_enc: await sealAnalysis(
          runtime.context.cipher,
          runtime.context.db,
          row,
          JSON.stringify({ ...document, profile: oldAnalysisProfile }),
        ),
      })
      .where("id", "=", id)
      .execute();
    const stored = (await own.get(`/api/transcripts/${id}`)).json<Detail>();
    expect(stored.profile).toMatchObject({ label });
    expect(stored.analysis?.profile).toMatchObject({ label });
    const listed = (await own.get(`/api/clients/${clientId}/transcripts`))
      .json<{ items: Detail[] }>()
      .items.find((item) => item.id === id);
    expect(listed?.profile).toMatchObject({ label });
  });

  it("takes the therapist's name, a format override, and sniffs text/plain", async () => {
    const flipped = await upload(fixture("session.txt"), "text/plain", {
      query: "?therapist=sam",
    });
    expect(flipped.statusCode, flipped.body).toBe(202);
    const detail = await untilDone(flipped.json<{ id: string }>().id);
    expect(detail.analysis?.utterances[0]).toMatchObject({ role: "client" });
    expect(detail.profile).toMatchObject({ rolesInferred: false });

    const unknown = await upload(fixture("session.txt"), "text/plain", {
      query: "?therapist=Nobody",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { details: { speakers: ["Dr Lee", "Sam"] } },
    });

    const overridden = await upload(
      fixture("session.vtt"),
      "application/json",
      {
        query: "?format=vtt",
      },
    );
    expect(overridden.statusCode, overridden.body).toBe(202);
    const sniffed = await upload(fixture("session.srt"), "text/plain");
    expect(sniffed.statusCode, sniffed.body).toBe(202);
    expect((await untilDone(sniffed.json<{ id: string }>().id)).format).toBe(
      "srt",
    );
  });

  it("refuses a malformed file with the parser's line number, storing nothing", async () => {
    const before = await rowCount();
    const cases: [string, string, string, TranscriptFormat][] = [
      ["broken-timing.vtt", "text/vtt", "", "vtt"],
      ["broken-index.srt", "application/x-subrip", "", "srt"],
      ["broken-syntax.json.txt", "application/json", "", "json"],
      ["broken-speaker.txt", "text/plain", "?format=text", "text"],
    ];
    for (const [file, type, query, format] of cases) {
      const parsed = parseTranscript(fixture(file), format);
      const line = parsed.ok ? -1 : parsed.error.line;
      const res = await upload(fixture(file), type, { query });
      expect(res.statusCode, `${file}: ${res.body}`).toBe(400);
      expect(res.json(), file).toMatchObject({
        error: { code: "validation", details: { line } },
      });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(
        new RegExp(`^line ${line}: `),
      );
    }
    expect(await rowCount()).toBe(before);
  });

  it("refuses an oversized file with 413 and stores nothing", async () => {
    const before = await rowCount();
    const line = "Dr Lee: How are you feeling about that today?\n";
    const big = line.repeat(Math.ceil((MAX_BYTES + 1) / line.length));
    const res = await upload(big, "text/plain");
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await rowCount()).toBe(before);
  });

  it("needs the client's transcript-analysis consent", async () => {
    const other = await newClient(false);
    const before = await rowCount();
    const res = await upload(fixture("session.txt"), "text/plain", {
      client: other.clientId,
      session: other.sessionId,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { details: { consentRequired: "transcript-analysis" } },
    });
    expect(await rowCount()).toBe(before);
  });

  it("hides transcripts from other therapists and organisations; supervisors read only", async () => {
    const id = (await upload(fixture("session.txt"), "text/plain")).json<{
      id: string;
    }>().id;
    await untilDone(id);
    const colleague = await signIn(app, "therapist2@demo.rapport.test");
    const otherOrg = await signIn(app, "therapist@second.rapport.test");
    const supervisor = await signIn(app, "supervisor@demo.rapport.test");
    for (const s of [colleague, otherOrg]) {
      expect((await s.get(`/api/transcripts/${id}`)).statusCode).toBe(404);
      expect((await s.delete(`/api/transcripts/${id}`)).statusCode).toBe(404);
      expect(
        (await s.get(`/api/clients/${clientId}/transcripts`)).statusCode,
      ).toBe(404);
      expect(
        (await upload(fixture("session.txt"), "text/plain", { as: s }))
          .statusCode,
      ).toBe(404);
    }
    expect((await supervisor.get(`/api/transcripts/${id}`)).statusCode).toBe(
      200,
    );
    expect(
      (await upload(fixture("session.txt"), "text/plain", { as: supervisor }))
        .statusCode,
    ).toBe(403);
    expect((await supervisor.delete(`/api/transcripts/${id}`)).statusCode).toBe(
      403,
    );
    expect((await own.delete(`/api/transcripts/${id}`)).statusCode).toBe(204);
    expect((await own.get(`/api/transcripts/${id}`)).statusCode).toBe(404);
  });

  it("stores the transcript and its analysis encrypted, and audits reads and writes", async () => {
    const rows = await runtime.context.db
      .selectFrom("transcripts")
      .selectAll()
      .where("client_id", "=", clientId)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.text_enc).toMatch(/^enc2\./);
      if (row.analysis_enc !== null)
        expect(row.analysis_enc).toMatch(/^enc2\./);
      // Ciphertext is random base64url, so a short name like "Sam" can occur in it by
      // chance; the plaintext check covers every other column.
      const stored = JSON.stringify({
        ...row,
        text_enc: null,
        analysis_enc: null,
      });
      for (const phrase of ["drinking", "cut down", "Dr Lee", "Sam"])
        expect(stored).not.toContain(phrase);
    }
    const actions = (
      await runtime.context.db
        .selectFrom("audit_log")
        .select("action")
        .where("client_id", "=", clientId)
        .execute()
    ).map((r) => r.action);
    for (const action of [
      "transcript.upload",
      "transcript.analyse",
      "transcript.list",
      "transcript.read",
      "transcript.delete",
    ])
      expect(actions).toContain(action);
  });

  it("picks up queued and interrupted transcripts after a restart", async () => {
    const ids = await Promise.all(
      ["session.txt", "session.vtt"].map(async (file, i) => {
        const res = await upload(fixture(file), i ? "text/vtt" : "text/plain");
        return res.json<{ id: string }>().id;
      }),
    );
    for (const id of ids) await untilDone(id);
    await app.close();
    // As a crash would leave them: one still queued, one mid-analysis under a lapsed lease.
    const [queued = "", interrupted = ""] = ids;
    const reset = { analysis_enc: null, profile: null, analysed_at: null };
    await runtime.context.db
      .updateTable("transcripts")
      .set({ ...reset, status: "queued", lease_until: null })
      .where("id", "=", queued)
      .execute();
    await runtime.context.db
      .updateTable("transcripts")
      .set({
        ...reset,
        status: "analysing",
        lease_until: "2000-01-01T00:00:00.000Z",
      })
      .where("id", "=", interrupted)
      .execute();
    app = await buildApp(runtime.context, { logger: false });
    own = await signIn(app, "therapist1@demo.rapport.test");
    for (const id of ids) {
      const detail = await untilDone(id);
      expect(detail.status).toBe("done");
      expect(detail.analysis?.utterances.length).toBeGreaterThan(0);
    }
  });
});
