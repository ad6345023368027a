// Member administration: create, change role, deactivate, supervision links, caseload transfer.
import type { Actor } from "../auth/actor.js";
import { hashPassword } from "../auth/password.js";
import { deleteMemberSessions } from "../auth/sessions.repository.js";
import { appendAudit } from "../audit/audit.repository.js";
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
  password?: string;
}

export async function createMember(
  context: AppContext,
  organisationId: string,
  input: NewMember,
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
    password_hash: input.password ? await hashPassword(input.password) : null,
    active: 1,
    created_at: isoNow(context),
    totp_secret_enc: null,
    totp_enabled: 0,
    recovery_codes: null,
  };
  await insertMember(context.db, row);
  return row;
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
  await replaceSupervisees(
    context.db,
    actor.organisationId,
    supervisorId,
    unique,
  );
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
