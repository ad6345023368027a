// Seeds the demo organisations, members and caseloads from the named fixtures.
import crypto from "node:crypto";
import {
  demoCaseload,
  type FixtureClient,
} from "../../core/fixtures/demoCaseload.js";
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import { demoCheckin } from "../checkins/demoCheckin.js";
import { appendAudit } from "../audit/audit.repository.js";
import { hashPassword } from "../auth/password.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { MemberTable, Role, SessionTable } from "../db/schema.js";
import {
  insertMember,
  replaceSupervisees,
} from "../members/members.repository.js";
import { insertOrganisation } from "../organisations/organisations.repository.js";
import { insertResponses } from "../responses/responses.repository.js";
import {
  demoConsents,
  demoDemographics,
  demoResponses,
  grantsResearch,
} from "./demoResponses.js";
import { seedDemoTranscripts } from "./demoTranscripts.js";

export interface DemoResult {
  password: string;
  generatedPassword: boolean;
  accounts: { email: string; role: Role; organisation: string }[];
  /** An open check-in for one of therapist1's clients, to try the client's side. */
  checkinUrl: string;
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("organisations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Stores one fixture client with its episode, sessions, consents, responses and goals. */
export async function seedClient(
  context: AppContext,
  trx: Db,
  organisationId: string,
  therapistId: string,
  fixture: FixtureClient,
): Promise<string> {
  const first = fixture.sessions[0]?.startsAt ?? isoNow(context);
  const id = newId(first);
  await context.cipher.createKey(trx, organisationId, id, first);
  const { ageBand, gender } = demoDemographics(fixture);
  const seal = (field: "clients.age_band" | "clients.gender", value: string) =>
    context.cipher.encrypt(trx, organisationId, id, field, value);
  await trx
    .insertInto("clients")
    .values({
      id,
      organisation_id: organisationId,
      name_enc: await context.cipher.encrypt(
        trx,
        organisationId,
        id,
        "clients.name",
        fixture.name,
      ),
      name_index: context.cipher.index(fixture.name),
      therapist_id: therapistId,
      status: "active",
      age_band_enc: await seal("clients.age_band", ageBand),
      gender_enc: gender === null ? null : await seal("clients.gender", gender),
      created_at: first,
      updated_at: first,
    })
    .execute();
  const episodeId = newId(first);
  await trx
    .insertInto("episodes")
    .values({
      id: episodeId,
      organisation_id: organisationId,
      client_id: id,
      opened_at: first,
      discharged_at: null,
      discharge_reason: null,
    })
    .execute();
  const sessions: SessionTable[] = fixture.sessions.map((s) => ({
    id: newId(first),
    organisation_id: organisationId,
    client_id: id,
    episode_id: episodeId,
    therapist_id: therapistId,
    starts_at: s.startsAt,
    status: s.status,
    created_at: first,
  }));
  if (sessions.length > 0)
    await trx.insertInto("sessions").values(sessions).execute();
  const ids = { organisationId, clientId: id, therapistId };
  await trx
    .insertInto("consents")
    .values(demoConsents(ids, first, grantsResearch(fixture.key)))
    .execute();
  await insertResponses(
    trx,
    await demoResponses(context, trx, ids, fixture, sessions),
  );
  for (const goal of fixture.goals) {
    await trx
      .insertInto("goals")
      .values({
        id: newId(first),
        organisation_id: organisationId,
        client_id: id,
        text_enc: await context.cipher.encrypt(
          trx,
          organisationId,
          id,
          "goals.text",
          goal,
        ),
        status: "active",
        created_at: first,
        updated_at: first,
      })
      .execute();
  }
  return id;
}

/** Seeds "Demo Clinic" and "Second Clinic"; the password comes from config or is random. */
export async function seedDemo(context: AppContext): Promise<DemoResult> {
  const generatedPassword = context.config.demoPassword === undefined;
  const password =
    context.config.demoPassword ?? crypto.randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const now = isoNow(context);
  const today = context.clock();
  const accounts: DemoResult["accounts"] = [];

  let checkinUrl = "";
  await inTransaction(context.db, async (trx) => {
    const member = async (
      organisationId: string,
      organisation: string,
      email: string,
      name: string,
      role: Role,
    ): Promise<MemberTable> => {
      const row: MemberTable = {
        id: newId(now),
        organisation_id: organisationId,
        email,
        name,
        role,
        password_hash: passwordHash,
        active: 1,
        created_at: now,
        totp_secret_enc: null,
        totp_enabled: 0,
        recovery_codes: null,
        totp_last_step: null,
      };
      await insertMember(trx, row);
      accounts.push({ email, role, organisation });
      return row;
    };
    const demo = {
      id: newId(now),
      name: "Demo Clinic",
      settings: "{}",
      created_at: now,
    };
    await insertOrganisation(trx, demo);
    await member(
      demo.id,
      demo.name,
      "admin@demo.rapport.test",
      "Avery Admin",
      "admin",
    );
    const supervisor = await member(
      demo.id,
      demo.name,
      "supervisor@demo.rapport.test",
      "Sasha Supervisor",
      "supervisor",
    );
    const t1 = await member(
      demo.id,
      demo.name,
      "therapist1@demo.rapport.test",
      "Theo Therapist",
      "therapist",
    );
    const t2 = await member(
      demo.id,
      demo.name,
      "therapist2@demo.rapport.test",
      "Tess Therapist",
      "therapist",
    );
    await replaceSupervisees(trx, demo.id, supervisor.id, [t1.id, t2.id]);

    const second = {
      id: newId(now),
      name: "Second Clinic",
      settings: "{}",
      created_at: now,
    };
    await insertOrganisation(trx, second);
    const t3 = await member(
      second.id,
      second.name,
      "therapist@second.rapport.test",
      "Sol Second",
      "therapist",
    );

    const caseloads: [string, string, number, number, boolean][] = [
      [demo.id, t1.id, 101, 24, true],
      [demo.id, t2.id, 202, 16, true],
      [second.id, t3.id, 303, 10, false],
    ];
    for (const [
      organisationId,
      therapistId,
      seed,
      size,
      featured,
    ] of caseloads) {
      for (const fixture of demoCaseload({ seed, today, size, featured }))
        await seedClient(context, trx, organisationId, therapistId, fixture);
    }
    await seedDemoTranscripts(context, trx, demo.id, t1.id);
    // Alerts from the seeded history, as the responses would have raised them.
    const seeded = await trx
      .selectFrom("clients")
      .select(["id", "organisation_id"])
      .execute();
    for (const c of seeded)
      await evaluateClientAlerts(context, trx, c.organisation_id, c.id, {
        notify: false,
      });
    checkinUrl = await demoCheckin(context, trx, demo.id, t1.id);
    for (const org of [demo.id, second.id]) {
      await appendAudit(trx, {
        organisationId: org,
        actorId: null,
        clientId: null,
        action: "demo.seed",
        source: "cli",
        at: now,
      });
    }
  });
  return { password, generatedPassword, accounts, checkinUrl };
}
