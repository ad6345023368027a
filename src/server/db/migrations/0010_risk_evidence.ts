// Risk evidence (issue 14): every triggering risk answer is a dated row on the alert it raised or
// joined, so a late, backdated or imported answer is never lost in an alert about another one. A
// response refused as unscorable keeps its risk answer here alone, sealed under the client's key.
import { sql, type Kysely } from "kysely";

interface StoredRisk {
  id: string;
  organisation_id: string;
  client_id: string;
  instrument_id: string;
  risk_items: string;
  submitted_at: string;
  created_at: string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("risk_evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) =>
      c.notNull().references("clients.id").onDelete("cascade"),
    )
    // Null only for the answers already stored when this migration ran (see below).
    .addColumn("alert_id", "text", (c) =>
      c.references("alerts.id").onDelete("cascade"),
    )
    // Null for a response refused as unscorable, and for a check-in's saved draft.
    .addColumn("response_id", "text")
    .addColumn("checkin_id", "text")
    .addColumn("instrument_id", "text", (c) => c.notNull())
    .addColumn("link_id", "text", (c) => c.notNull())
    .addColumn("answer_enc", "text") // {"answer": n}, under the client's key
    .addColumn("answered_at", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("risk_evidence_client")
    .on("risk_evidence")
    .columns(["organisation_id", "client_id"])
    .execute();
  await db.schema
    .createIndex("risk_evidence_alert")
    .on("risk_evidence")
    .column("alert_id")
    .execute();
  // A stored answer is evidence once: re-evaluation (a re-score, the hourly job) never repeats it.
  await sql`create unique index risk_evidence_once on risk_evidence (organisation_id, client_id, response_id, link_id) where response_id is not null`.execute(
    db,
  );

  // The risk answers already stored were judged by the rule of their day: they count as seen, so
  // the first evaluation after the upgrade does not alert every client's history at once.
  const rows = (
    await sql<StoredRisk>`select id, organisation_id, client_id, instrument_id, risk_items, submitted_at, created_at from responses where risk_items <> '[]'`.execute(
      db,
    )
  ).rows;
  const seen = rows.flatMap((r) =>
    (JSON.parse(r.risk_items) as { linkId: string }[]).map((hit) => ({
      id: `0010:${r.id}:${hit.linkId}`,
      organisation_id: r.organisation_id,
      client_id: r.client_id,
      alert_id: null,
      response_id: r.id,
      checkin_id: null,
      instrument_id: r.instrument_id,
      link_id: hit.linkId,
      answer_enc: null,
      answered_at: r.submitted_at,
      recorded_at: r.created_at,
    })),
  );
  for (let i = 0; i < seen.length; i += 500)
    await (db as Kysely<{ risk_evidence: (typeof seen)[number] }>)
      .insertInto("risk_evidence")
      .values(seen.slice(i, i + 500))
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("risk_evidence").execute();
}
