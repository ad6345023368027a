// Identity and access: API tokens, sign-in throttling, second factor, password reset,
// consents and break-glass grants.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) =>
      c.notNull().references("members.id").onDelete("cascade"),
    )
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("scopes", "text", (c) => c.notNull()) // JSON array; [] = the member's role
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  // Keyed by a hash of the email as typed, so unknown emails are throttled alike (no enumeration).
  await db.schema
    .createTable("login_throttle")
    .addColumn("key_hash", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("first_failure_at", "text", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .execute();

  await db.schema
    .alterTable("members")
    .addColumn("totp_secret_enc", "text")
    .execute();
  await db.schema
    .alterTable("members")
    .addColumn("totp_enabled", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("members")
    .addColumn("recovery_codes", "text")
    .execute(); // JSON array of hashes
  await db.schema
    .alterTable("auth_sessions")
    .addColumn("second_factor_ok", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) =>
      c.notNull().references("members.id").onDelete("cascade"),
    )
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();

  await db.schema
    .createTable("consents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("granted", "integer", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("consents_client")
    .on("consents")
    .columns(["organisation_id", "client_id", "kind", "recorded_at"])
    .execute();

  await db.schema
    .createTable("break_glass")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) =>
      c.notNull().references("members.id").onDelete("cascade"),
    )
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("break_glass_member")
    .on("break_glass")
    .columns(["organisation_id", "member_id", "client_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "break_glass",
    "consents",
    "password_resets",
    "login_throttle",
    "api_tokens",
  ])
    await db.schema.dropTable(table).execute();
  for (const column of ["totp_secret_enc", "totp_enabled", "recovery_codes"])
    await db.schema.alterTable("members").dropColumn(column).execute();
  await db.schema
    .alterTable("auth_sessions")
    .dropColumn("second_factor_ok")
    .execute();
}
