// Sign-in sessions: only a hash of the cookie value is stored.
import crypto from "node:crypto";
import type { Db } from "../db/database.js";

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export async function createSession(
  db: Db,
  member: { id: string; organisationId: string },
  now: Date,
  absoluteSeconds: number,
  secondFactorOk: boolean,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto("auth_sessions")
    .values({
      id_hash: hashToken(token),
      member_id: member.id,
      organisation_id: member.organisationId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(
        now.getTime() + absoluteSeconds * 1000,
      ).toISOString(),
      second_factor_ok: secondFactorOk ? 1 : 0,
      second_factor_failures: 0,
    })
    .execute();
  return token;
}

export async function findSession(db: Db, token: string) {
  return db
    .selectFrom("auth_sessions")
    .innerJoin("members", "members.id", "auth_sessions.member_id")
    .innerJoin(
      "organisations",
      "organisations.id",
      "auth_sessions.organisation_id",
    )
    .select([
      "members.totp_enabled",
      "organisations.settings",
      "auth_sessions.id_hash",
      "auth_sessions.member_id",
      "auth_sessions.organisation_id",
      "auth_sessions.last_seen_at",
      "auth_sessions.expires_at",
      "auth_sessions.second_factor_ok",
      "members.role",
      "members.active",
    ])
    .where("auth_sessions.id_hash", "=", hashToken(token))
    .executeTakeFirst();
}

export async function touchSession(
  db: Db,
  idHash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable("auth_sessions")
    .set({ last_seen_at: now })
    .where("id_hash", "=", idHash)
    .execute();
}

/** A session still waiting for its second factor, or undefined. */
export async function findPendingSession(db: Db, idHash: string) {
  return db
    .selectFrom("auth_sessions")
    .select(["id_hash", "member_id", "organisation_id", "expires_at"])
    .where("id_hash", "=", idHash)
    .where("second_factor_ok", "=", 0)
    .executeTakeFirst();
}

/** Counts a wrong code in a pending session; returns how many it has had. */
export async function countSecondFactorFailure(
  db: Db,
  idHash: string,
): Promise<number> {
  const row = await db
    .updateTable("auth_sessions")
    .set((eb) => ({
      second_factor_failures: eb("second_factor_failures", "+", 1),
    }))
    .where("id_hash", "=", idHash)
    .returning("second_factor_failures")
    .executeTakeFirst();
  return row?.second_factor_failures ?? Number.POSITIVE_INFINITY;
}

/**
 * Completes the second factor under a new session id: the pending one is deleted, so an id seen
 * before the code (a planted or leaked cookie) never becomes a signed-in session. The new session
 * keeps the pending one's absolute expiry. Returns the new cookie value, or null when the pending
 * session was gone (ended, or completed by a parallel request).
 */
export async function completeSecondFactor(
  db: Db,
  pending: {
    id_hash: string;
    member_id: string;
    organisation_id: string;
    expires_at: string;
  },
  now: Date,
): Promise<string | null> {
  const token = newToken();
  const deleted = await db
    .deleteFrom("auth_sessions")
    .where("id_hash", "=", pending.id_hash)
    .where("second_factor_ok", "=", 0)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) return null;
  await db
    .insertInto("auth_sessions")
    .values({
      id_hash: hashToken(token),
      member_id: pending.member_id,
      organisation_id: pending.organisation_id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: pending.expires_at,
      second_factor_ok: 1,
      second_factor_failures: 0,
    })
    .execute();
  return token;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom("auth_sessions").where("id_hash", "=", idHash).execute();
}

/** Ends every session of a member except, optionally, the one in use. */
export async function deleteMemberSessions(
  db: Db,
  memberId: string,
  keepIdHash: string | null = null,
): Promise<void> {
  let query = db.deleteFrom("auth_sessions").where("member_id", "=", memberId);
  if (keepIdHash) query = query.where("id_hash", "!=", keepIdHash);
  await query.execute();
}
