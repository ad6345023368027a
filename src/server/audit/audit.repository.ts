// Append-only audit log. Appends are serialised per organisation: by a transaction-scoped
// advisory lock on PostgreSQL (so two app servers cannot fork the chain), and by SQLite's
// single writer.
import { PostgresAdapter, sql } from "kysely";
import type { CommitBatch } from "../db/commitBatch.js";
import type { Db } from "../db/database.js";
import { inTransaction } from "../context.js";
import { newId } from "../ids.js";
import {
  GENESIS_HASH,
  entryHash,
  verifyChain,
  type ChainProblem,
} from "./auditChain.js";

export interface AuditEntryInput {
  organisationId: string;
  actorId: string | null;
  clientId: string | null;
  action: string;
  source: string | null;
  at: string;
  /** The member the entry is about (e.g. the one created or signed in), when there is one. */
  subjectId?: string | null;
}

/** Appends entries in order, inside the caller's transaction or a new one. */
export async function appendAudit(
  db: Db,
  input: AuditEntryInput | AuditEntryInput[],
): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return;
  await inTransaction(db, async (trx) => {
    const organisations = [...new Set(inputs.map((i) => i.organisationId))];
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      for (const org of organisations.sort()) {
        await sql`select pg_advisory_xact_lock(hashtext(${"audit:" + org}))`.execute(
          trx,
        );
      }
    }
    const heads = new Map<string, { seq: number; hash: string }>();
    for (const org of organisations) {
      const last = await trx
        .selectFrom("audit_log")
        .select(["seq", "hash"])
        .where("organisation_id", "=", org)
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      heads.set(org, last ?? { seq: 0, hash: GENESIS_HASH });
    }
    const rows = inputs.map((entry) => {
      const head = heads.get(entry.organisationId) ?? {
        seq: 0,
        hash: GENESIS_HASH,
      };
      const fields = {
        id: newId(entry.at),
        organisation_id: entry.organisationId,
        seq: head.seq + 1,
        at: entry.at,
        actor_id: entry.actorId,
        client_id: entry.clientId,
        action: entry.action,
        source: entry.source,
        subject_id: entry.subjectId ?? null,
      };
      const hash = entryHash(head.hash, fields);
      heads.set(entry.organisationId, { seq: fields.seq, hash });
      return { ...fields, prev_hash: head.hash, hash };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto("audit_log")
        .values(rows.slice(i, i + 200))
        .execute();
  });
}

/**
 * Appends entries together with those of the batch's other units, in one append just before the
 * batch's transaction commits: one read of the chain's head and one insert for the batch.
 */
export function appendAuditAtCommit(
  batch: CommitBatch,
  entries: AuditEntryInput[],
): void {
  batch.gather("audit", entries, appendAudit);
}

export async function verifyAudit(
  db: Db,
): Promise<
  { organisationId: string; entries: number; problems: ChainProblem[] }[]
> {
  const orgs = await db
    .selectFrom("audit_log")
    .select("organisation_id")
    .distinct()
    .execute();
  const reports = [];
  for (const { organisation_id } of orgs) {
    const entries = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("organisation_id", "=", organisation_id)
      .orderBy("seq")
      .execute();
    reports.push({
      organisationId: organisation_id,
      entries: entries.length,
      problems: verifyChain(entries),
    });
  }
  return reports;
}

export async function listAudit(
  db: Db,
  organisationId: string,
  clientId?: string,
) {
  return findAudit(db, organisationId, {
    clientId,
    limit: Number.MAX_SAFE_INTEGER,
  });
}

/** Filters of the organisation's log; each given one narrows it (timestamps inclusive). */
export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  subjectId?: string | undefined;
  clientId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Entries after this sequence number (the previous page's `next`). */
  after?: number | undefined;
  limit: number;
}

export async function findAudit(
  db: Db,
  organisationId: string,
  filter: AuditFilter,
) {
  let query = db
    .selectFrom("audit_log")
    .selectAll()
    .where("organisation_id", "=", organisationId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.subjectId)
    query = query.where("subject_id", "=", filter.subjectId);
  if (filter.clientId) query = query.where("client_id", "=", filter.clientId);
  if (filter.from) query = query.where("at", ">=", filter.from);
  if (filter.to) query = query.where("at", "<=", filter.to);
  if (filter.after !== undefined) query = query.where("seq", ">", filter.after);
  return query.orderBy("seq").limit(filter.limit).execute();
}
