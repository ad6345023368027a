// Attack on erasure (issue #15, item 12): what an erased client leaves behind. Erasure deleted the
// client's rows and destroyed the data key, but left the outbox's queued email (encrypted under
// the key, undeliverable), the unwrapped key in the memory of every other server until it
// restarted, and, on SQLite, the deleted rows' bytes (plain scores, risk-answer text) in free
// space and in the write-ahead log. Backups are documented in SECURITY.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { KEY_CACHE_SECONDS } from "../../src/server/crypto/clientKeys.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import { newId } from "../../src/server/ids.js";
import type { Runtime } from "../../src/server/runtime.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

describe.each(DIALECTS)(
  "erasure on %s (attack: what an erased client leaves)",
  (dialect) => {
    let now = new Date("2026-11-02T10:00:00.000Z");
    let runtime: TestRuntime;
    let otherServer: Runtime;
    let app: App;
    let therapist: Session;
    let admin: Session;
    let clientId: string;
    let organisationId: string;
    let nameEnc: string;
    const markers = [1, 2].map(
      (i) => `RISK-ANSWER-${i}-${crypto.randomBytes(6).toString("hex")}`,
    );

    /** Clear text tied to the client, as a risk alert quoting an answer is stored. */
    async function alertQuoting(text: string): Promise<void> {
      const at = now.toISOString();
      await runtime.context.db
        .insertInto("alerts")
        .values({
          id: newId(at),
          organisation_id: organisationId,
          client_id: clientId,
          kind: "risk",
          severity: "critical",
          severity_rank: 3,
          cause_key: `test:${text}`,
          instrument_id: "phq-9",
          rule: "phq-9 item 9 > 0",
          explanation: text,
          evidence: JSON.stringify({ answer: text }),
          signal_at: at,
          status: "open",
          created_at: at,
          updated_at: at,
          acknowledged_by: null,
          acknowledged_at: null,
          note_enc: null,
          resolved_by: null,
          resolved_at: null,
          escalated_at: null,
        })
        .execute();
    }

    beforeAll(async () => {
      runtime = await testRuntime(dialect, {
        clock: () => now,
        // Mail that cannot be delivered stays queued, encrypted under the client's key.
        env: { RAPPORT_SMTP_URL: "smtp://127.0.0.1:1" },
      });
      await seedDemo(runtime.context);
      app = await buildApp(runtime.context, { logger: false });
      therapist = await signIn(app, "therapist1@demo.rapport.test");
      admin = await signIn(app, "admin@demo.rapport.test");
      clientId = (
        await therapist.post("/api/clients", { name: "Erin Erasure" })
      ).json<{ id: string }>().id;
      await therapist.post(`/api/clients/${clientId}/consents`, {
        kind: "routine-measurement",
        granted: true,
      });
      const checkin = await therapist.post("/api/checkins", {
        clientId,
        instruments: ["phq-9"],
      });
      expect(checkin.statusCode, checkin.body).toBe(201);
      const sent = await therapist.post(
        `/api/checkins/${checkin.json<{ id: string }>().id}/send`,
        { email: "erin@example.org" },
      );
      expect(sent.statusCode, sent.body).toBeLessThan(300);
      ({ organisation_id: organisationId, name_enc: nameEnc } =
        await runtime.context.db
          .selectFrom("clients")
          .select(["organisation_id", "name_enc"])
          .where("id", "=", clientId)
          .executeTakeFirstOrThrow());

      // A second app server on the same database has read the client, so holds its key.
      otherServer = await runtime.open();
      expect(
        await otherServer.context.cipher.decrypt(
          otherServer.context.db,
          organisationId,
          clientId,
          "clients.name",
          nameEnc,
        ),
      ).toBe("Erin Erasure");

      await alertQuoting(markers[0] ?? "");
      runtime.context.database.sqlite?.pragma("wal_checkpoint(TRUNCATE)"); // now in the file
      await alertQuoting(markers[1] ?? ""); // and this one in the write-ahead log
      const erased = await admin.delete(`/api/clients/${clientId}`);
      expect(erased.statusCode, erased.body).toBe(204);
    });
    afterAll(async () => {
      await app.close();
      await runtime.dispose();
    });

    it("leaves no row of the client in any table but the audit log", async () => {
      const { db } = runtime.context;
      for (const table of [
        "clients",
        "client_keys",
        "client_shares",
        "episodes",
        "sessions",
        "goals",
        "consents",
        "break_glass",
        "responses",
        "response_scorings",
        "alerts",
        "risk_evidence",
        "checkins",
        "checkin_drafts",
        "checkin_unsubscribes",
        "progress_views",
        "transcripts",
        "outbox",
      ] as const) {
        const column = table === "clients" ? "id" : "client_id";
        const { n } = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where(column, "=", clientId)
          .executeTakeFirstOrThrow();
        expect([table, Number(n)]).toEqual([table, 0]);
      }
    });

    it("deletes the client's queued email from the outbox", async () => {
      const left = await runtime.context.db
        .selectFrom("outbox")
        .select("id")
        .where("client_id", "=", clientId)
        .execute();
      expect(left).toEqual([]);
    });

    it("leaves no other server able to use the destroyed key once its cache expires", async () => {
      const decrypt = () =>
        otherServer.context.cipher.decrypt(
          otherServer.context.db,
          organisationId,
          clientId,
          "clients.name",
          nameEnc, // a copy of the ciphertext, as a backup or free page would hold it
        );
      now = new Date(now.getTime() + (KEY_CACHE_SECONDS + 1) * 1000);
      await expect(decrypt()).rejects.toMatchObject({ code: "not_found" });
    });

    // PostgreSQL keeps dead rows until VACUUM reuses their space: SECURITY.md says so.
    if (dialect === "sqlite")
      it("leaves the deleted rows' clear text neither in the SQLite file nor in its log", () => {
        const file = path.join(runtime.context.config.dataDir, "rapport.db");
        const bytes = Buffer.concat(
          ["", "-wal"]
            .map((suffix) => file + suffix)
            .filter((f) => fs.existsSync(f))
            .map((f) => fs.readFileSync(f)),
        );
        expect(bytes.length).toBeGreaterThan(0);
        for (const marker of markers)
          expect(bytes.includes(marker), marker).toBe(false);
      });
  },
);
