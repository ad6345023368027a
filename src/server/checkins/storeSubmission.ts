// The writes of a check-in's final submission, inside a group-committed transaction: every
// instrument's response, the feedback and the check-in's completion commit together, once, with
// the alerts they raise. Everything here is plain data in and out, so the same code runs on the
// server's connection or in the SQLite writer thread (submissionWriter.ts).
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import { appendAuditAtCommit } from "../audit/audit.repository.js";
import { requireConsent } from "../consents/consents.service.js";
import type { AppContext } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import type { CommitBatch } from "../db/commitBatch.js";
import type { Db } from "../db/database.js";
import { AppError } from "../errors.js";
import {
  auditEntryOf,
  insertPreparedResponse,
  type PreparedResponse,
} from "../responses/recordResponse.js";
import {
  completeCheckin,
  deleteDraft,
  findSubmission,
  insertSubmission,
} from "./checkins.repository.js";

export type SubmitOutcome =
  { kind: "stored"; risk: boolean; replayed: boolean } | { kind: "used" };

/** A submission scored and encrypted before its transaction: only checks and writes remain. */
export interface PreparedSubmission {
  checkin: CheckinTable;
  submissionId: string;
  responses: PreparedResponse[];
  feedbackEnc: string | null;
  risk: boolean;
  /** When it was received: the time of its rows, alerts and notice. */
  at: string;
}

export interface StoredSubmission {
  outcome: SubmitOutcome;
  /** A risk alert was raised or joined: the outbox holds a notice to deliver. */
  notify: boolean;
}

/** What the writes need of the server: the notice's link, the outbox's cipher. */
export type WriteContext = Pick<AppContext, "config" | "cipher">;

export function outcomeOf(
  stored: { submission_id: string; risk: number },
  submissionId: string,
): SubmitOutcome {
  return stored.submission_id === submissionId
    ? { kind: "stored", risk: stored.risk === 1, replayed: true }
    : { kind: "used" };
}

/** The writes, inside the shared transaction; returns the outcome and whether to notify. */
export async function storeSubmission(
  server: WriteContext,
  trx: Db,
  batch: CommitBatch,
  p: PreparedSubmission,
): Promise<StoredSubmission> {
  const { checkin } = p;
  const org = checkin.organisation_id;
  // Alerts and the notice carry the submission's time, whichever thread writes them.
  const context = { ...server, clock: () => new Date(p.at) };
  if (!(await completeCheckin(trx, checkin.id, p.at, p.feedbackEnc))) {
    // A duplicate that committed first (or sits earlier in this transaction) is answered as it was.
    const stored = await findSubmission(trx, checkin.id);
    if (stored)
      return { outcome: outcomeOf(stored, p.submissionId), notify: false };
    throw new AppError("conflict", "the check-in is no longer open");
  }
  await insertSubmission(trx, {
    checkin_id: checkin.id,
    submission_id: p.submissionId,
    organisation_id: org,
    response_ids: JSON.stringify(p.responses.map((r) => r.row.id)),
    risk: p.risk ? 1 : 0,
    created_at: p.at,
  });
  await requireConsent(trx, org, checkin.client_id, "routine-measurement");
  for (const response of p.responses)
    await insertPreparedResponse(trx, response);
  appendAuditAtCommit(batch, p.responses.map(auditEntryOf));
  // In the same transaction: a risk answer is never stored without its alert.
  // An answer the draft already alerted on joins that alert without a second email.
  const { riskNotified } = await evaluateClientAlerts(
    context,
    trx,
    org,
    checkin.client_id,
    { checkinId: checkin.id, shared: batch },
  );
  await deleteDraft(trx, checkin.id);
  return {
    outcome: { kind: "stored", risk: p.risk, replayed: false },
    notify: riskNotified,
  };
}
