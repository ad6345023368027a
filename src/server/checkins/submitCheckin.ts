// The final submission: every instrument's response, the feedback and the check-in's completion
// commit together, once. The submission id generated into the form makes a double tap, a
// refresh or a retry find the stored submission instead of storing a second one.
//
// Everything that needs no write lock (scoring, encryption, ids) is done here first; the
// submission writer (submissionWriter.ts) only checks and writes, group-committing submissions
// that arrive together, and each is answered only after its transaction has committed.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { deliverSoon } from "../notifications/outbox.js";
import { prepareResponse } from "../responses/recordResponse.js";
import { findSubmission } from "./checkins.repository.js";
import type { CheckinAnswers } from "./openCheckin.js";
import {
  outcomeOf,
  type PreparedSubmission,
  type SubmitOutcome,
} from "./storeSubmission.js";

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
  return stored ? outcomeOf(stored, submissionId) : undefined;
}

async function prepare(
  context: AppContext,
  checkin: CheckinTable,
  packs: readonly Pack[],
  submission: Submission,
): Promise<PreparedSubmission> {
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
          "checkins.feedback",
          feedback,
        )
      : null,
    risk: responses.some((r) => r.row.risk_items !== "[]"),
    at,
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
    const { outcome, notify } = await context.submissions.write(prepared);
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
