// The final submission: every instrument's response, the feedback and the check-in's completion
// commit together, once. The submission id generated into the form makes a double tap, a
// refresh or a retry find the stored submission instead of storing a second one.
//
// Everything that needs no write lock (scoring, encryption, ids) is done first; the transaction
// only checks and writes. Submissions arriving together share one transaction (group commit,
// one fsync for many), and each is answered only after that transaction has committed. Their
// audit entries are appended together, in that transaction, and the organisation's signal
// settings are read once for all of them.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { Signal } from "../../core/signals/types.js";
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import { appendAuditAtCommit } from "../audit/audit.repository.js";
import { requireConsent } from "../consents/consents.service.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import type { CommitBatch } from "../db/commitBatch.js";
import type { Db } from "../db/database.js";
import { AppError } from "../errors.js";
import { deliverSoon } from "../notifications/outbox.js";
import { notifyTherapistOfRisk } from "../notifications/therapistNotice.js";
import {
  auditEntryOf,
  insertPreparedResponse,
  prepareResponse,
  type PreparedResponse,
} from "../responses/recordResponse.js";
import {
  completeCheckin,
  deleteDraft,
  findSubmission,
  insertSubmission,
} from "./checkins.repository.js";
import { draftRiskCause } from "./draftRisk.js";
import type { CheckinAnswers } from "./openCheckin.js";

export type SubmitOutcome =
  { kind: "stored"; risk: boolean; replayed: boolean } | { kind: "used" };

export interface Submission {
  submissionId: string;
  answers: CheckinAnswers;
  feedback: string;
}

function outcomeOf(
  stored: { submission_id: string; risk: number },
  submissionId: string,
): SubmitOutcome {
  return stored.submission_id === submissionId
    ? { kind: "stored", risk: stored.risk === 1, replayed: true }
    : { kind: "used" };
}

export async function submissionOutcome(
  context: AppContext,
  checkin: CheckinTable,
  submissionId: string,
): Promise<SubmitOutcome | undefined> {
  const stored = await findSubmission(context.db, checkin.id);
  return stored ? outcomeOf(stored, submissionId) : undefined;
}

interface Prepared {
  checkin: CheckinTable;
  submissionId: string;
  responses: PreparedResponse[];
  feedbackEnc: string | null;
  risk: boolean;
  at: string;
}

async function prepare(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  submission: Submission,
): Promise<Prepared> {
  const org = checkin.organisation_id;
  const at = isoNow(context);
  const responses = await Promise.all(
    packs.map((pack) =>
      prepareResponse(context, context.db, pack, {
        organisationId: org,
        clientId: checkin.client_id,
        instrumentId: pack.id,
        version: pack.version,
        ...(checkin.session_id ? { sessionId: checkin.session_id } : {}),
        answers: submission.answers[pack.id] ?? {},
        submittedAt: at,
        recordedBy: null,
        source: "checkin",
        auditSource: "checkin",
      }),
    ),
  );
  const feedback = submission.feedback.trim();
  return {
    checkin,
    submissionId: submission.submissionId,
    responses,
    feedbackEnc: feedback
      ? await context.cipher.encrypt(
          context.db,
          org,
          checkin.client_id,
          feedback,
        )
      : null,
    risk: responses.some((r) => r.row.risk_items !== "[]"),
    at,
  };
}

/** A risk signal on this check-in's answers takes over the alert its draft raised, if any. */
function draftCause(checkin: CheckinTable) {
  return (signal: Signal): string | undefined =>
    signal.kind === "risk" &&
    signal.instrumentId !== null &&
    typeof signal.evidence.linkId === "string"
      ? draftRiskCause(checkin.id, signal.instrumentId, signal.evidence.linkId)
      : undefined;
}

/** The writes, inside the shared transaction; returns the outcome and whether to notify. */
async function store(
  context: AppContext,
  trx: Db,
  batch: CommitBatch,
  p: Prepared,
): Promise<{ outcome: SubmitOutcome; notify: boolean }> {
  const { checkin } = p;
  const org = checkin.organisation_id;
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
  const created = await evaluateClientAlerts(
    context,
    trx,
    org,
    checkin.client_id,
    { provisionalCause: draftCause(checkin), shared: batch },
  );
  await deleteDraft(trx, checkin.id);
  const newRisk =
    created.length > 0 &&
    (await trx
      .selectFrom("alerts")
      .select("id")
      .where("id", "in", created)
      .where("kind", "=", "risk")
      .executeTakeFirst()) !== undefined;
  if (newRisk)
    await notifyTherapistOfRisk(context, trx, org, checkin.client_id);
  return {
    outcome: { kind: "stored", risk: p.risk, replayed: false },
    notify: newRisk,
  };
}

/**
 * Stores a complete, valid submission of a check-in the caller found open; the caller has
 * checked the answers score. A duplicate is answered as the stored submission was.
 */
export async function submitCheckin(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  submission: Submission,
): Promise<SubmitOutcome> {
  const prepared = await prepare(context, checkin, packs, submission);
  try {
    const { outcome, notify } = await context.submissions.run((trx, batch) =>
      store(context, trx, batch, prepared),
    );
    if (notify) deliverSoon(context);
    return outcome;
  } catch (error) {
    // A concurrent duplicate committed first (another server): answer as it was answered.
    const after = await submissionOutcome(
      context,
      checkin,
      submission.submissionId,
    );
    if (after) return after;
    throw error;
  }
}
