// Issue 17: the de-identified research export, built from the demo on both dialects, searched
// byte by byte for what must never leave: names, emails, free text, calendar dates, database ids.
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import { pseudonym } from "../../src/core/research/pseudonym.js";
import {
  derivePurposeKey,
  masterKeyFrom,
} from "../../src/server/crypto/envelope.js";
import { newId } from "../../src/server/ids.js";
import { openAnalysis } from "../../src/server/transcripts/storedAnalysis.js";
import {
  NO_CONSENT,
  NO_EPISODE,
} from "../../src/server/research/researchSource.js";
import {
  buildResearchExport,
  type ResearchExport,
} from "../../src/server/research/researchExport.service.js";
import { validateFhir } from "../support/fhirValidator.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";

const ALERT_NOTE = "Called her sister Margot about the overdose on Friday";
const DISCHARGE = "Moved to Leeds to live with her partner Idris";
const EXPLANATION = "Explained in words that must stay in the clinic";
const FEEDBACK = "More time to talk about my dad's funeral would have helped";
const CLIENT_EMAIL = "wren.hallett@example.org";

/** Every string of at least 20 characters in a JSON value (the analysis's feedback sentences). */
function longStrings(value: unknown): string[] {
  if (typeof value === "string") return value.length >= 20 ? [value] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(longStrings);
}

function rows(csv: string): Record<string, string>[] {
  return parse<Record<string, string>>(csv, { columns: true });
}

describe.each(DIALECTS)("research export on %s", (dialect) => {
  let runtime: TestRuntime;
  let org: string;
  let result: ResearchExport;
  const secrets: string[] = [];
  const ids: string[] = [];
  const dates = new Set<string>();

  beforeAll(async () => {
    // The fixed dates below must fall inside the demo's episodes, which are seeded on this clock.
    const now = new Date("2026-11-25T09:00:00.000Z");
    runtime = await testRuntime(dialect, { clock: () => now });
    const { context } = runtime;
    await seedDemo(context);
    const db = context.db;
    org = (
      await db
        .selectFrom("organisations")
        .select("id")
        .where("name", "=", "Demo Clinic")
        .executeTakeFirstOrThrow()
    ).id;
    // Free text in every place a client's record holds it, on clients who consent.
    const transcripts = await db
      .selectFrom("transcripts")
      .selectAll()
      .where("organisation_id", "=", org)
      .execute();
    const clients = await db.selectFrom("clients").selectAll().execute();
    const at = "2026-11-20T10:00:00.000Z";
    for (const t of transcripts)
      await db
        .insertInto("consents")
        .values({
          id: newId(at),
          organisation_id: org,
          client_id: t.client_id,
          kind: "research-export",
          granted: 1,
          recorded_by: t.created_by,
          recorded_at: at,
        })
        .execute();
    const target = transcripts[0]!.client_id;
    await db
      .insertInto("alerts")
      .values({
        id: newId(at),
        organisation_id: org,
        client_id: target,
        kind: "risk",
        severity: "high",
        severity_rank: 3,
        cause_key: "test",
        instrument_id: "phq-9",
        rule: "phq9-item9",
        explanation: EXPLANATION,
        evidence: "{}",
        signal_at: at,
        status: "acknowledged",
        created_at: at,
        updated_at: at,
        acknowledged_by: null,
        acknowledged_at: at,
        note_enc: await context.cipher.encrypt(
          db,
          org,
          target,
          "alerts.note",
          ALERT_NOTE,
        ),
        resolved_by: null,
        resolved_at: null,
        escalated_at: null,
      })
      .execute();
    await db
      .updateTable("episodes")
      .set({ discharge_reason: DISCHARGE })
      .where("client_id", "=", target)
      .execute();
    const seal = (
      field: "checkins.feedback" | "checkins.email",
      text: string,
    ) => context.cipher.encrypt(db, org, target, field, text);
    await db
      .insertInto("checkins")
      .values({
        id: newId(at),
        organisation_id: org,
        client_id: target,
        session_id: null,
        instruments: '["phq-9"]',
        status: "completed",
        created_by: null,
        created_at: at,
        expires_at: at,
        completed_at: at,
        feedback_enc: await seal("checkins.feedback", FEEDBACK),
        email_enc: await seal("checkins.email", CLIENT_EMAIL),
        last_sent_at: null,
        reminders_sent: 0,
      })
      .execute();
    secrets.push(
      ALERT_NOTE,
      DISCHARGE,
      EXPLANATION,
      FEEDBACK,
      CLIENT_EMAIL,
      "Margot",
      "Idris",
    );
    const before = secrets.length;
    for (const t of transcripts)
      if (t.analysis_enc)
        secrets.push(
          ...longStrings(
            await openAnalysis(context.cipher, db, t, t.analysis_enc),
          ),
        );
    // The analyses' feedback sentences and quotes are among the secrets.
    expect(secrets.length - before).toBeGreaterThan(5);
    for (const c of clients)
      secrets.push(
        await context.cipher.decrypt(
          db,
          c.organisation_id,
          c.id,
          "clients.name",
          c.name_enc,
        ),
      );
    for (const g of await db.selectFrom("goals").selectAll().execute())
      secrets.push(
        await context.cipher.decrypt(
          db,
          g.organisation_id,
          g.client_id,
          "goals.text",
          g.text_enc,
        ),
      );
    for (const t of transcripts) {
      const text = await context.cipher.decrypt(
        db,
        org,
        t.client_id,
        "transcripts.text",
        t.text_enc,
      );
      // Every sentence-long line of the transcript (speaker prefixes and cue timings aside).
      secrets.push(
        ...text
          .split("\n")
          .map((l) => l.replace(/^[^:]{1,20}:\s*/, "").trim())
          .filter((l) => l.length > 25),
      );
    }
    for (const m of await db.selectFrom("members").selectAll().execute())
      secrets.push(m.email, m.name);
    for (const table of [
      "organisations",
      "members",
      "clients",
      "episodes",
      "sessions",
      "responses",
      "alerts",
      "transcripts",
      "consents",
      "goals",
    ] as const)
      for (const r of await db.selectFrom(table).select("id").execute())
        ids.push(r.id);
    for (const s of await db
      .selectFrom("sessions")
      .select("starts_at")
      .execute())
      dates.add(s.starts_at.slice(0, 10));
    for (const r of await db
      .selectFrom("responses")
      .select("submitted_at")
      .execute())
      dates.add(r.submitted_at.slice(0, 10));
    result = await buildResearchExport(context, org, {});
  });
  afterAll(() => runtime.dispose());

  it("holds consenting clients only, and counts those left out by reason", async () => {
    const db = runtime.context.db;
    const all = await db
      .selectFrom("clients")
      .select("id")
      .where("organisation_id", "=", org)
      .execute();
    const consents = await db
      .selectFrom("consents")
      .select(["client_id"])
      .where("organisation_id", "=", org)
      .where("kind", "=", "research-export")
      .where("granted", "=", 1)
      .execute();
    const consenting = new Set(consents.map((c) => c.client_id));
    expect(consenting.size).toBeGreaterThan(all.length / 2);
    expect(result.leftOut[NO_CONSENT]).toBe(all.length - consenting.size);
    expect(result.leftOut[NO_EPISODE]).toBeUndefined();
    const released = rows(result.files["clients.csv"]!).length;
    expect(
      released +
        Object.entries(result.leftOut)
          .filter(([r]) => r !== NO_CONSENT)
          .reduce((n, [, v]) => n + v, 0),
    ).toBe(consenting.size);
    expect(released).toBe(result.clients);
    expect(released).toBeGreaterThan(0);
    for (const [reason, n] of Object.entries(result.leftOut))
      expect(result.files["README.md"]).toContain(`- ${reason}: ${n}`);
  });

  it("never lets a name, email, free text, calendar date or database id into any exported byte", () => {
    expect(secrets.length).toBeGreaterThan(40);
    expect(ids.length).toBeGreaterThan(100);
    expect(dates.size).toBeGreaterThan(10);
    const exportedOn = runtime.context.clock().toISOString().slice(0, 10);
    for (const [name, content] of Object.entries(result.files)) {
      const lower = content.toLowerCase();
      for (const secret of secrets)
        expect(lower, `${name} holds "${secret}"`).not.toContain(
          secret.toLowerCase(),
        );
      for (const id of ids)
        expect(content, `${name} holds an id`).not.toContain(id);
      const found = content.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      if (name === "README.md")
        expect(new Set(found)).toEqual(new Set([exportedOn]));
      else expect(found, `${name} holds a date`).toEqual([]);
      for (const date of dates)
        if (name !== "README.md") expect(content).not.toContain(date);
    }
  });

  it("carries days, session numbers, attendance, responses with items, alerts and transcript numbers", () => {
    const sessions = rows(result.files["sessions.csv"]!);
    expect(sessions.length).toBeGreaterThan(100);
    expect(new Set(sessions.map((s) => s.attendance))).toContain("attended");
    expect(
      sessions.every((s) => /^\d+$/.test(s.day!) && /^\d+$/.test(s.session!)),
    ).toBe(true);
    const responses = rows(result.files["responses.csv"]!);
    expect(new Set(responses.map((r) => r.instrument_kind))).toEqual(
      new Set(["outcome", "alliance"]),
    );
    expect(rows(result.files["items.csv"]!).length).toBeGreaterThan(
      responses.length,
    );
    expect(rows(result.files["alerts.csv"]!)).toContainEqual(
      expect.objectContaining({ kind: "risk", severity: "high" }),
    );
    expect(
      rows(result.files["transcript_profiles.csv"]!).length,
    ).toBeGreaterThan(5);
    const book = rows(result.files["codebook.csv"]!);
    expect(
      book.find((b) => b.column === "instrument=phq-9")?.instrument_licence,
    ).toMatch(/phqscreeners/);
  });

  it("releases no combination of quasi-identifiers covering fewer than k clients", () => {
    const sizes = new Map<string, number>();
    for (const c of rows(result.files["clients.csv"]!)) {
      const key = [
        c.therapist,
        c.age_band,
        c.gender,
        c.latest_episode_length,
      ].join("|");
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
    expect(result.files["README.md"]).toMatch(/## k-anonymity \(k = 5\)/);
    for (const qi of [
      "therapist pseudonym",
      "age band",
      "gender",
      "latest episode length",
    ])
      expect(result.files["README.md"]).toMatch(
        new RegExp(`^- ${qi}: (released|generalised to .+|suppressed)$`, "m"),
      );
    // The demo's recorded genders (demoDemographics) survive generalisation at k = 5.
    expect(
      new Set(rows(result.files["clients.csv"]!).map((c) => c.gender)),
    ).toContain("woman");
  });

  it("shares no pseudonym between two exports, unless both use the stable secret", async () => {
    const pseudonyms = (r: ResearchExport) =>
      new Set(
        rows(r.files["clients.csv"]!)
          .flatMap((c) => [c.client!, c.therapist!])
          .filter((p) => p !== "*"),
      );
    const again = await buildResearchExport(runtime.context, org, {});
    expect(again.secret).not.toBe(result.secret);
    const first = pseudonyms(result);
    expect([...pseudonyms(again)].filter((p) => first.has(p))).toEqual([]);
    const stable1 = await buildResearchExport(runtime.context, org, {
      stableSecret: true,
    });
    const stable2 = await buildResearchExport(runtime.context, org, {
      stableSecret: true,
    });
    expect(stable1.secret).toBeNull();
    expect(pseudonyms(stable2)).toEqual(pseudonyms(stable1));
    expect(stable1.files["README.md"]).toMatch(/stable research secret/);
    expect(result.files["README.md"]).toMatch(/never stored/);
  });

  it("writes a FHIR R4 Bundle that validates, with pseudonymous subjects and no dates", () => {
    const bundle = JSON.parse(result.files["research-bundle.json"]!) as {
      entry: { resource: Record<string, unknown> }[];
    };
    validateFhir(bundle);
    const qrs = bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === "QuestionnaireResponse");
    expect(qrs.length).toBe(rows(result.files["responses.csv"]!).length);
    const clients = new Set(
      rows(result.files["clients.csv"]!).map((c) => `Patient/${c.client}`),
    );
    for (const patient of bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === "Patient"))
      expect(Object.keys(patient).sort()).toEqual(["id", "resourceType"]);
    for (const qr of qrs) {
      validateFhir(qr);
      expect(clients.has((qr.subject as { reference: string }).reference)).toBe(
        true,
      );
      expect(qr.authored).toBeUndefined();
    }
  });

  it("lets whoever holds the data key recompute stable pseudonyms from client ids", async () => {
    const stable = await buildResearchExport(runtime.context, org, {
      stableSecret: true,
    });
    const key = derivePurposeKey(
      runtime.context.cipher.master,
      `research pseudonyms ${org}`,
    );
    const released = new Set(
      rows(stable.files["clients.csv"]!).map((c) => c.client),
    );
    const clients = await runtime.context.db
      .selectFrom("clients")
      .select("id")
      .where("organisation_id", "=", org)
      .execute();
    const recomputed = clients
      .map((c) => pseudonym(key, "client", c.id))
      .filter((p) => released.has(p));
    expect(recomputed.length).toBe(released.size);
    // A new data key (rapport rotate-key) derives another secret: no stable pseudonym survives it.
    const rotated = derivePurposeKey(
      masterKeyFrom(crypto.randomBytes(32)),
      `research pseudonyms ${org}`,
    );
    expect(
      clients
        .map((c) => pseudonym(rotated, "client", c.id))
        .filter((p) => released.has(p)),
    ).toEqual([]);
  });

  it("counts consenting clients without an episode in the period, and leaves session days ungeneralised", async () => {
    const later = await buildResearchExport(runtime.context, org, {
      from: "2100-01-01",
    });
    expect(later.clients).toBe(0);
    expect(later.leftOut[NO_EPISODE]).toBeGreaterThan(0);
    // Only clients.csv is k-anonymised: day numbers in sessions.csv still show how long care ran.
    const lengths = new Set(
      rows(result.files["clients.csv"]!).map((c) => c.latest_episode_length),
    );
    expect(lengths).toEqual(new Set(["*"]));
    expect(
      Math.max(
        ...rows(result.files["sessions.csv"]!).map((s) => Number(s.day)),
      ),
    ).toBeGreaterThan(7);
  });

  it("refuses k below 3", async () => {
    await expect(
      buildResearchExport(runtime.context, org, { k: 2 }),
    ).rejects.toThrow(/at least 3/);
  });
});
