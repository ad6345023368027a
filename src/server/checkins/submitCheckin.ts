// The final submission: every instrument's response, the feedback and the check-in's completion
// commit together, once. The submission id generated into the form makes a double tap, a
// refresh or a retry find the stored submission instead of storing a second one.
import type { Pack } from "../../core/instruments/packSchema.js";
import { score } from "../../core/instruments/score.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { AppError } from "../errors.js";
import { deliverSoon } from "../notifications/outbox.js";
import { notifyTherapistOfRisk } from "../notifications/therapistNotice.js";
import { recordResponseRaisingAlerts } from "../responses/recordResponse.js";
import {
  completeCheckin,
  deleteDraft,
  findSubmission,
  insertSubmission,
} from "./checkins.repository.js";
import { hadDraftRiskAlert } from "./draftRisk.js";
import type { CheckinAnswers } from "./openCheckin.js";

export type SubmitOutcome =
  { kind: "stored"; risk: boolean; replayed: boolean } | { kind: "used" };

export interface Submission {
  submissionId: string;
  answers: CheckinAnswers;
  feedback: string;
}

export async function submissionOutcome(
  context: AppContext,
  checkin: CheckinTable,
  submissionId: string,
): Promise<SubmitOutcome | undefined> {
  const stored = await findSubmission(context.db, checkin.id);
  if (!stored) return undefined;
  return stored.submission_id === submissionId
    ? { kind: "stored", risk: stored.risk === 1, replayed: true }
    : { kind: "used" };
}

async function store(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  submission: Submission,
  risk: boolean,
): Promise<void> {
  const org = checkin.organisation_id;
  const at = isoNow(context);
  const notify = await inTransaction(context.db, async (trx) => {
    // First, so that a concurrent duplicate waits on (PostgreSQL) or fails at the unique key.
    const responseIds: string[] = [];
    await insertSubmission(trx, {
      checkin_id: checkin.id,
      submission_id: submission.submissionId,
      organisation_id: org,
      response_ids: "[]",
      risk: risk ? 1 : 0,
      created_at: at,
    });
    const created: string[] = [];
    for (const pack of packs) {
      const result = await recordResponseRaisingAlerts(context, trx, {
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
      });
      responseIds.push(result.response.id);
      created.push(...result.createdAlertIds);
    }
    await trx
      .updateTable("checkin_submissions")
      .set({ response_ids: JSON.stringify(responseIds) })
      .where("checkin_id", "=", checkin.id)
      .execute();
    const feedback = submission.feedback.trim();
    const feedbackEnc = feedback
      ? await context.cipher.encrypt(trx, org, checkin.client_id, feedback)
      : null;
    if (!(await completeCheckin(trx, checkin.id, at, feedbackEnc)))
      throw new AppError("conflict", "the check-in is no longer open");
    await deleteDraft(trx, checkin.id);
    const riskAlerts =
      created.length === 0
        ? []
        : await trx
            .selectFrom("alerts")
            .select("id")
            .where("id", "in", created)
            .where("kind", "=", "risk")
            .execute();
    const tell =
      riskAlerts.length > 0 && !(await hadDraftRiskAlert(trx, checkin));
    if (tell) await notifyTherapistOfRisk(context, trx, org, checkin.client_id);
    return tell;
  });
  if (notify) deliverSoon(context);
}

/** Stores a complete, valid submission; the caller has checked the answers score. */
export async function submitCheckin(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  submission: Submission,
): Promise<SubmitOutcome> {
  const before = await submissionOutcome(
    context,
    checkin,
    submission.submissionId,
  );
  if (before) return before;
  const risk = packs.some(
    (p) => score(p, submission.answers[p.id] ?? {}).riskItems.length > 0,
  );
  try {
    await store(context, checkin, packs, submission, risk);
    return { kind: "stored", risk, replayed: false };
  } catch (error) {
    // A concurrent duplicate committed first: answer as it was answered.
    const after = await submissionOutcome(
      context,
      checkin,
      submission.submissionId,
    );
    if (after) return after;
    throw error;
  }
}
