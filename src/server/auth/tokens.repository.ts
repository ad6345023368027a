// API tokens: stored as hashes, expiring, revocable.
import type { Db } from "../db/database.js";
import type { ApiTokenTable } from "../db/schema.js";
import { hashToken } from "./sessions.repository.js";

export const TOKEN_PREFIX = "rpt_";

export async function insertToken(db: Db, row: ApiTokenTable): Promise<void> {
  await db.insertInto("api_tokens").values(row).execute();
}

export async function findToken(db: Db, token: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("members", "members.id", "api_tokens.member_id")
    .select([
      "api_tokens.id",
      "api_tokens.member_id",
      "api_tokens.organisation_id",
      "api_tokens.scopes",
      "api_tokens.expires_at",
      "api_tokens.revoked_at",
      "members.role",
      "members.active",
    ])
    .where("api_tokens.token_hash", "=", hashToken(token))
    .executeTakeFirst();
}

/** Revokes an active token; returns whose it was, or undefined when none was active. */
export async function revokeToken(
  db: Db,
  id: string,
  now: string,
): Promise<{ organisation_id: string; member_id: string } | undefined> {
  return db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning(["organisation_id", "member_id"])
    .executeTakeFirst();
}
