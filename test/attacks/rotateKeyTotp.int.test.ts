// Attack on availability (issue #15, item 7): `rapport rotate-key` re-wrapped client keys but left
// members' TOTP secrets encrypted under a key derived from the old master key, so after rotation
// every TOTP user got a 500 at sign-in. Rotation now re-encrypts them (and re-keys the audit chain)
// in the same transaction. It keeps client data keys: the last test proves what SECURITY.md says
// that leaves to an old copy of the database.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/server/audit/audit.repository.js";
import { readAnchor } from "../../src/server/audit/auditAnchor.js";
import { currentCode } from "../../src/server/auth/totp.js";
import { buildApp } from "../../src/server/app.js";
import {
  decryptText,
  masterKeyFrom,
  unwrapKey,
} from "../../src/server/crypto/envelope.js";
import { rotateMasterKey } from "../../src/server/crypto/rotateKey.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import type { Runtime } from "../../src/server/runtime.js";
import {
  DIALECTS,
  TEST_KEY,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { asCookie, cookiesOf, signIn, verifyCode } from "../support/http.js";

const EMAIL = "therapist2@demo.rapport.test";
const PASSWORD = "demo-password-1";

describe.each(DIALECTS)(
  "rotate-key on %s (attack: TOTP after rotation)",
  (dialect) => {
    let now = new Date("2026-11-02T10:00:00.000Z");
    const clock = () => now;
    let runtime: TestRuntime;
    let rotated: Runtime;
    let app: App;
    let secret: string;
    let clientId: string;
    let wrappedBefore: string;
    const newKey = crypto.randomBytes(32);

    beforeAll(async () => {
      runtime = await testRuntime(dialect, { clock });
      await seedDemo(runtime.context);
      const before = await buildApp(runtime.context, { logger: false });
      const t2 = await signIn(before, EMAIL);
      ({ secret } = (await t2.post("/api/auth/totp/setup")).json<{
        secret: string;
      }>());
      const enabled = await t2.post("/api/auth/totp/enable", {
        code: await currentCode(secret, now),
      });
      expect(enabled.statusCode).toBe(200);
      clientId = (
        await t2.post("/api/clients", { name: "Rotation Client" })
      ).json<{ id: string }>().id;
      // What an old copy of the database holds: the client's data key wrapped by the old master.
      wrappedBefore = (
        await runtime.context.db
          .selectFrom("client_keys")
          .select("wrapped_key")
          .where("client_id", "=", clientId)
          .executeTakeFirstOrThrow()
      ).wrapped_key;
      await before.close();
      await runtime.close(); // servers stop before rotation

      const operator = await runtime.open();
      const result = await rotateMasterKey(
        operator.context.db,
        operator.context.cipher.master,
        masterKeyFrom(newKey),
        operator.context.config.auditAnchor,
      );
      expect(result.totpSecrets).toBe(1);
      await operator.close();

      rotated = await runtime.open({
        RAPPORT_DATA_KEY: newKey.toString("base64"),
      });
      app = await buildApp(rotated.context, { logger: false });
      now = new Date(now.getTime() + 90_000); // a fresh code, not the one used at enrolment
    });
    afterAll(async () => {
      await app.close();
      await runtime.dispose();
    });

    it("signs in with TOTP under the new master key", async () => {
      const first = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: EMAIL, password: PASSWORD },
      });
      expect(first.json()).toMatchObject({ secondFactorRequired: true });
      const pending = asCookie(
        app,
        cookiesOf(first),
        first.json<{ csrfToken: string }>().csrfToken,
      );
      const { response: verified, session } = await verifyCode(
        app,
        pending,
        await currentCode(secret, now),
      );
      expect(verified.statusCode, verified.body).toBe(200);
      expect((await session.get("/api/clients")).statusCode).toBe(200);
    });

    it("re-keys the audit chain, which verifies against its anchor under the new key", async () => {
      const anchored = await readAnchor(rotated.context.config.auditAnchor);
      const reports = await verifyAudit(rotated.context.db, anchored);
      expect(reports.length).toBeGreaterThan(0);
      for (const report of reports) expect(report.problems).toEqual([]);
    });

    it("keeps client data keys: an old database copy and the old master key read text written after rotation", async () => {
      const first = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: EMAIL, password: PASSWORD },
      });
      const pending = asCookie(
        app,
        cookiesOf(first),
        first.json<{ csrfToken: string }>().csrfToken,
      );
      now = new Date(now.getTime() + 60_000);
      const { session: owner } = await verifyCode(
        app,
        pending,
        await currentCode(secret, now),
      );
      const goal = await owner.post(`/api/clients/${clientId}/goals`, {
        text: "Written after rotation",
      });
      expect(goal.statusCode, goal.body).toBe(201);
      const { text_enc } = await rotated.context.db
        .selectFrom("goals")
        .select("text_enc")
        .where("client_id", "=", clientId)
        .executeTakeFirstOrThrow();
      const oldMaster = masterKeyFrom(Buffer.from(TEST_KEY, "base64"));
      const dataKey = unwrapKey(oldMaster, wrappedBefore, clientId);
      expect(decryptText(dataKey, text_enc, "goals.text")).toBe(
        "Written after rotation",
      );
    });
  },
);
