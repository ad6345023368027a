// Append-only audit log. Appends are serialised per organisation: by a transaction-scoped
// advisory lock on PostgreSQL (so two app servers cannot fork the chain), and by SQLite's
// single writer. Entries are chained under the key the handle carries (auditChainUse.ts).
import { PostgresAdapter, sql } from "kysely";
import type { CommitBatch } from "../db/commitBatch.js";
import type { Db } from "../db/database.js";
import { inTransaction } from "../context.js";
import { newId } from "../ids.js";
import {
  GENESIS_HASH,
  checkAnchor,
  verifyChain,
  type ChainHash,
  type ChainHead,
  type ChainProblem,
  type ChainedEntry,
} from "./auditChain.js";
import type { AnchoredHeads } from "./auditAnchor.js";
import { auditChainOf } from "./auditChainUse.js";

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
  const chain = auditChainOf(db);
  await inTransaction(db, async (trx) => {
    const organisations = [...new Set(inputs.map((i) => i.organisationId))];
    for (const org of organisations.sort()) await lockChain(trx, org);
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
      const hash = chain.hash(head.hash, fields);
      heads.set(entry.organisationId, { seq: fields.seq, hash });
      return { ...fields, prev_hash: head.hash, hash };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto("audit_log")
        .values(rows.slice(i, i + 200))
        .execute();
    chain.appended(organisations);
  });
}

function onPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Serialises work on an organisation's chain across servers (PostgreSQL; SQLite has one writer). */
async function lockChain(trx: Db, organisationId: string): Promise<void> {
  if (onPostgres(trx))
    await sql`select pg_advisory_xact_lock(hashtext(${"audit:" + organisationId}))`.execute(
      trx,
    );
}

export async function auditOrganisations(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select("organisation_id")
    .distinct()
    .execute();
  return rows.map((r) => r.organisation_id);
}

/**
 * An organisation's committed head, and the hash of its entry at `anchoredSeq`. On PostgreSQL it
 * waits for appends under way (the chain's lock), so it never reads a head about to change.
 */
export async function committedHead(
  db: Db,
  organisationId: string,
  anchoredSeq: number | undefined,
): Promise<{ head?: ChainHead; atAnchor?: string }> {
  const read = async (conn: Db) => {
    const head = await conn
      .selectFrom("audit_log")
      .select(["seq", "hash"])
      .where("organisation_id", "=", organisationId)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const atAnchor =
      anchoredSeq === undefined
        ? undefined
        : await conn
            .selectFrom("audit_log")
            .select("hash")
            .where("organisation_id", "=", organisationId)
            .where("seq", "=", anchoredSeq)
            .executeTakeFirst();
    return { head, atAnchor: atAnchor?.hash };
  };
  if (!onPostgres(db)) return read(db);
  return db.transaction().execute(async (trx) => {
    await lockChain(trx, organisationId);
    return read(trx);
  });
}

export function chainEntry(
  db: Db,
  organisationId: string,
  seq: number,
): Promise<ChainedEntry | undefined> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/** An organisation's entries in chain order. */
export function chainEntries(
  db: Db,
  organisationId: string,
): Promise<ChainedEntry[]> {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .orderBy("seq")
    .execute();
}

/**
 * Rewrites an organisation's chain from one hash to another (a new key, or the keyed chain
 * replacing the unkeyed one), inside the caller's transaction. Checks it under `from` (and with
 * `check`, e.g. against the anchor) first and returns the problems instead of rewriting a chain
 * that does not verify.
 */
export async function rehashChain(
  trx: Db,
  organisationId: string,
  from: ChainHash,
  to: ChainHash,
  check: (entries: ChainedEntry[]) => ChainProblem[] = () => [],
): Promise<ChainProblem[]> {
  await lockChain(trx, organisationId);
  const entries = await chainEntries(trx, organisationId);
  const problems = [...verifyChain(from, entries), ...check(entries)];
  if (problems.length > 0) return problems;
  let prev = GENESIS_HASH;
  for (const entry of entries) {
    const hash = to(prev, entry);
    await trx
      .updateTable("audit_log")
      .set({ prev_hash: prev, hash })
      .where("id", "=", entry.id)
      .execute();
    prev = hash;
  }
  return [];
}

/** Each organisation's committed head, read as `rapport audit checkpoint` prints it. */
export async function auditHeads(db: Db): Promise<AnchoredHeads> {
  const heads: AnchoredHeads = {};
  for (const id of await auditOrganisations(db)) {
    const { head } = await committedHead(db, id, undefined);
    if (head) heads[id] = head;
  }
  return heads;
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

export interface AuditReport {
  organisationId: string;
  entries: number;
  problems: ChainProblem[];
}

/**
 * Checks every organisation's chain under the handle's key and, given the anchored heads, that
 * each chain still holds its anchored entry (an organisation anchored but gone is truncated).
 */
export async function verifyAudit(
  db: Db,
  anchored?: AnchoredHeads,
): Promise<AuditReport[]> {
  const { hash } = auditChainOf(db);
  const organisations = new Set(await auditOrganisations(db));
  for (const id of Object.keys(anchored ?? {})) organisations.add(id);
  const reports = [];
  for (const id of [...organisations].sort()) {
    const entries = await chainEntries(db, id);
    reports.push({
      organisationId: id,
      entries: entries.length,
      problems: [
        ...verifyChain(hash, entries),
        ...(anchored ? checkAnchor(entries, anchored[id]) : []),
      ],
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
