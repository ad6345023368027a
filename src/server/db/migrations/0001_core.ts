// Core records. Every table holding client data carries organisation_id (tenant key for sharding).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("settings", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("members_org")
    .on("members")
    .columns(["organisation_id", "id"])
    .execute();

  await db.schema
    .createTable("supervisions")
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("supervisor_id", "text", (c) =>
      c.notNull().references("members.id"),
    )
    .addColumn("therapist_id", "text", (c) =>
      c.notNull().references("members.id"),
    )
    .addPrimaryKeyConstraint("supervisions_pk", [
      "organisation_id",
      "supervisor_id",
      "therapist_id",
    ])
    .execute();

  await db.schema
    .createTable("clients")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("organisations.id"),
    )
    .addColumn("name_enc", "text", (c) => c.notNull())
    .addColumn("name_index", "text", (c) => c.notNull())
    .addColumn("therapist_id", "text", (c) =>
      c.notNull().references("members.id"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("clients_org_therapist")
    .on("clients")
    .columns(["organisation_id", "therapist_id", "id"])
    .execute();
  await db.schema
    .createIndex("clients_org_name")
    .on("clients")
    .columns(["organisation_id", "name_index"])
    .execute();

  await db.schema
    .createTable("client_keys")
    // No foreign key: the key is created before the client row whose name it encrypts.
    .addColumn("client_id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("master_key_id", "text", (c) => c.notNull())
    .addColumn("wrapped_key", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("client_shares")
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id"))
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("client_shares_pk", ["client_id", "member_id"])
    .execute();
  await db.schema
    .createIndex("client_shares_member")
    .on("client_shares")
    .columns(["organisation_id", "member_id"])
    .execute();

  await db.schema
    .createTable("episodes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("discharged_at", "text")
    .addColumn("discharge_reason", "text")
    .execute();
  await db.schema
    .createIndex("episodes_client")
    .on("episodes")
    .columns(["organisation_id", "client_id"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("episode_id", "text", (c) =>
      c.references("episodes.id").onDelete("set null"),
    )
    .addColumn("therapist_id", "text", (c) =>
      c.notNull().references("members.id"),
    )
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sessions_client")
    .on("sessions")
    .columns(["organisation_id", "client_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("goals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    .addColumn("text_enc", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("goals_client")
    .on("goals")
    .columns(["organisation_id", "client_id"])
    .execute();

  await db.schema
    .createTable("auth_sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) =>
      c.notNull().references("members.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  // Append-only, hash-chained per organisation; no foreign key to clients so erasure keeps entries.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("client_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addUniqueConstraint("audit_log_org_seq", ["organisation_id", "seq"])
    .execute();
  await db.schema
    .createIndex("audit_log_client")
    .on("audit_log")
    .columns(["organisation_id", "client_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_log",
    "auth_sessions",
    "goals",
    "sessions",
    "episodes",
    "client_shares",
    "client_keys",
    "clients",
    "supervisions",
    "members",
    "organisations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
