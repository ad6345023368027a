// Security hardening (issue 15): replay-proof TOTP, a per-session second-factor failure count, and
// the member an audit entry is about.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The RFC 6238 time step of the last accepted code: a code is accepted once, never again.
  await db.schema
    .alterTable("members")
    .addColumn("totp_last_step", "integer")
    .execute();
  // Wrong codes entered in this pending session; it ends at the fifth.
  await db.schema
    .alterTable("auth_sessions")
    .addColumn("second_factor_failures", "integer", (c) =>
      c.notNull().defaultTo(0),
    )
    .execute();
  // The member an entry is about (the one created, changed, signed in, given a token), if any.
  await db.schema
    .alterTable("audit_log")
    .addColumn("subject_id", "text")
    .execute();
  await db.schema
    .createIndex("audit_log_action")
    .on("audit_log")
    .columns(["organisation_id", "action", "seq"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_log_action").execute();
  await db.schema.alterTable("audit_log").dropColumn("subject_id").execute();
  await db.schema
    .alterTable("auth_sessions")
    .dropColumn("second_factor_failures")
    .execute();
  await db.schema.alterTable("members").dropColumn("totp_last_step").execute();
}
