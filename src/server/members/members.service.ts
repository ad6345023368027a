// Member administration: create, change role, deactivate, supervision links, caseload transfer.
import type { Actor } from "../auth/actor.js";
import { hashPassword } from "../auth/password.js";
import { issuePasswordLink, sendPasswordLink } from "../auth/passwordLinks.js";
import { deleteMemberSessions } from "../auth/sessions.repository.js";
import { appendAudit } from "../audit/audit.repository.js";
import { auditSecurity } from "../audit/securityAudit.js";
import { deliverSoon } from "../notifications/outbox.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { MemberTable, Role } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import {
  findMember,
  findMemberByEmail,
  insertMember,
  replaceSupervisees,
  supervisees,
  updateMember,
} from "./members.repository.js";

export interface MemberView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  supervisees?: string[];
  createdAt: string;
}

export async function toMemberView(
  db: Db,
  m: MemberTable,
): Promise<MemberView> {
  const view: MemberView = {
    id: m.id,
    email: m.email,
    name: m.name,
    role: m.role,
    active: m.active === 1,
    createdAt: m.created_at,
  };
  if (m.role === "supervisor")
    view.supervisees = await supervisees(db, m.organisation_id, m.id);
  return view;
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin")
    throw new AppError("forbidden", "only an administrator may do this");
}

export interface NewMember {
  email: string;
  name: string;
  role: Role;
}

/** Who asked: a member over the API (with their address), or the command line. */
export interface RequestedBy {
  actorId: string | null;
  source: string | null;
}

/**
 * Creates a member. Over the API nobody but the member ever sets their password: they get an
 * invitation link by email. Only the command line (an operator creating the first administrator)
 * passes an initial password.
 */
export async function createMember(
  context: AppContext,
  organisationId: string,
  input: NewMember,
  by: RequestedBy,
  initialPassword?: string,
): Promise<MemberTable> {
  const email = input.email.trim().toLowerCase();
  if (await findMemberByEmail(context.db, email))
    throw new AppError("conflict", "a member with this email already exists");
  const row: MemberTable = {
    id: newId(context.clock()),
    organisation_id: organisationId,
    email,
    name: input.name,
    role: input.role,
    password_hash: initialPassword ? await hashPassword(initialPassword) : null,
    active: 1,
    created_at: isoNow(context),
    totp_secret_enc: null,
    totp_enabled: 0,
    recovery_codes: null,
    totp_last_step: null,
  };
  await inTransaction(context.db, async (trx) => {
    await insertMember(trx, row);
    await auditSecurity(context, trx, {
      organisationId,
      ...by,
      subjectId: row.id,
      action: "member.create",
    });
    if (!initialPassword)
      await issuePasswordLink(context, trx, row, "invitation", by);
  });
  if (!initialPassword) deliverSoon(context);
  return row;
}

/** An administrator has Rapport email a member a new link to set their password. */
export async function sendMemberPasswordLink(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<void> {
  requireAdmin(actor);
  const member = await findMember(context.db, actor.organisationId, id);
  if (!member) throw notFound("member");
  if (member.active !== 1)
    throw new AppError("validation", "reactivate the member first");
  const purpose = member.password_hash ? "reset" : "invitation";
  const by = { actorId: actor.memberId, source: actor.source };
  if (!(await sendPasswordLink(context, member, purpose, by)))
    throw new AppError(
      "rate_limited",
      "this member has several unused links already; ask them to check their email",
      { retryAfter: 3_600 },
    );
}

export async function requireTherapist(
  db: Db,
  organisationId: string,
  id: string,
): Promise<MemberTable> {
  const member = await findMember(db, organisationId, id);
  if (!member || member.role !== "therapist" || member.active !== 1)
    throw new AppError("validation", "therapist not found or inactive", {
      therapistId: id,
    });
  return member;
}

export async function setSupervisees(
  context: AppContext,
  actor: Actor,
  supervisorId: string,
  therapistIds: string[],
): Promise<void> {
  requireAdmin(actor);
  const supervisor = await findMember(
    context.db,
    actor.organisationId,
    supervisorId,
  );
  if (!supervisor) throw notFound("member");
  if (supervisor.role !== "supervisor")
    throw new AppError(
      "validation",
      "only a supervisor can supervise therapists",
    );
  const unique = [...new Set(therapistIds)];
  for (const id of unique)
    await requireTherapist(context.db, actor.organisationId, id);
  await inTransaction(context.db, async (trx) => {
    await replaceSupervisees(trx, actor.organisationId, supervisorId, unique);
    await auditSecurity(context, trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      subjectId: supervisorId,
      action: "supervision.update",
      source: actor.source,
    });
  });
}

export async function changeMember(
  context: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string; role?: Role; active?: boolean },
): Promise<MemberTable> {
  requireAdmin(actor);
  const member = await findMember(context.db, actor.organisationId, id);
  if (!member) throw notFound("member");
  if (
    id === actor.memberId &&
    (patch.active === false || (patch.role && patch.role !== "admin"))
  ) {
    throw new AppError(
      "validation",
      "you cannot deactivate or demote yourself",
    );
  }
  const set: Partial<MemberTable> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
  await inTransaction(context.db, async (trx) => {
    await updateMember(trx, actor.organisationId, id, set);
    if (patch.active === false) await deleteMemberSessions(trx, id);
    await auditSecurity(context, trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      subjectId: id,
      action: "member.update",
      source: actor.source,
    });
  });
  return { ...member, ...set };
}

/** Moves every client of one therapist to another (e.g. when a therapist leaves). */
export async function transferCaseload(
  context: AppContext,
  actor: Actor,
  fromId: string,
  toId: string,
): Promise<number> {
  requireAdmin(actor);
  if (!(await findMember(context.db, actor.organisationId, fromId)))
    throw notFound("member");
  await requireTherapist(context.db, actor.organisationId, toId);
  return inTransaction(context.db, async (trx) => {
    const clients = await trx
      .selectFrom("clients")
      .select("id")
      .where("organisation_id", "=", actor.organisationId)
      .where("therapist_id", "=", fromId)
      .execute();
    const at = isoNow(context);
    for (const { id } of clients) {
      await trx
        .updateTable("clients")
        .set({ therapist_id: toId, updated_at: at })
        .where("organisation_id", "=", actor.organisationId)
        .where("id", "=", id)
        .execute();
      await appendAudit(trx, {
        organisationId: actor.organisationId,
        actorId: actor.memberId,
        clientId: id,
        action: "client.transfer",
        source: actor.source,
        at,
      });
    }
    return clients.length;
  });
}
