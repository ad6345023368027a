// Check-ins over the API: a therapist creates one, hands out its link (copy, QR code, email)
// and reads the client's check-ins with their free-text feedback.
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import { requireConsent } from "../consents/consents.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { AppError, notFound } from "../errors.js";
import { deliverSoon, enqueueMail } from "../notifications/outbox.js";
import { findSession } from "../sessions/sessions.repository.js";
import { insertNewCheckin, mintLink, qrSvg } from "./checkinLinks.js";
import { checkinSettings } from "./checkinSettings.js";
import {
  findCheckin,
  isUnsubscribed,
  listClientCheckins,
  listSubmissions,
  updateCheckin,
} from "./checkins.repository.js";
import { checkinMail } from "./clientMail.js";

export interface CheckinLink {
  id: string;
  url: string;
  qrSvg: string;
  expiresAt: string;
}

async function auditWrite(
  context: AppContext,
  trx: Parameters<typeof appendAudit>[0],
  actor: Actor,
  clientId: string,
  action: string,
): Promise<void> {
  await appendAudit(trx, {
    organisationId: actor.organisationId,
    actorId: actor.memberId,
    clientId,
    action,
    source: actor.source,
    at: isoNow(context),
  });
}

export async function createCheckin(
  context: AppContext,
  actor: Actor,
  input: { clientId: string; sessionId?: string; instruments: string[] },
): Promise<CheckinLink> {
  const org = actor.organisationId;
  await loadClientFor(context, actor, input.clientId, "write");
  return inTransaction(context.db, async (trx) => {
    await requireConsent(trx, org, input.clientId, "routine-measurement");
    if (
      input.sessionId &&
      !(await findSession(trx, org, input.clientId, input.sessionId))
    )
      throw notFound("session");
    const checkin = await insertNewCheckin(context, trx, {
      organisationId: org,
      clientId: input.clientId,
      sessionId: input.sessionId ?? null,
      instruments: input.instruments,
      createdBy: actor.memberId,
    });
    const url = await mintLink(context, trx, checkin, "link");
    await auditWrite(context, trx, actor, input.clientId, "checkin.create");
    return {
      id: checkin.id,
      url,
      qrSvg: await qrSvg(url),
      expiresAt: checkin.expires_at,
    };
  });
}

async function loadCheckinFor(
  context: AppContext,
  actor: Actor,
  id: string,
  access: "read" | "write" = "write",
): Promise<CheckinTable> {
  const checkin = await findCheckin(context.db, actor.organisationId, id);
  if (!checkin) throw notFound("check-in");
  await loadClientFor(context, actor, checkin.client_id, access);
  return checkin;
}

/** A fresh link (and QR code) to an open check-in, e.g. one the schedule created. */
export async function newCheckinLink(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<CheckinLink> {
  const checkin = await loadCheckinFor(context, actor, id);
  return inTransaction(context.db, async (trx) => {
    const url = await mintLink(context, trx, checkin, "link");
    await auditWrite(context, trx, actor, checkin.client_id, "checkin.link");
    return { id, url, qrSvg: await qrSvg(url), expiresAt: checkin.expires_at };
  });
}

/** Emails a new link to the client (through the outbox); reminders go to the same address. */
export async function sendCheckin(
  context: AppContext,
  actor: Actor,
  id: string,
  email: string,
): Promise<{ queued: boolean }> {
  const checkin = await loadCheckinFor(context, actor, id);
  if (!context.mailer.configured)
    throw new AppError(
      "unavailable",
      "email is not configured (set RAPPORT_SMTP_URL)",
    );
  const org = actor.organisationId;
  if (await isUnsubscribed(context.db, org, checkin.client_id))
    throw new AppError(
      "conflict",
      "the client has unsubscribed from check-in emails",
    );
  const settings = await checkinSettings(context, context.db, org);
  await inTransaction(context.db, async (trx) => {
    const url = await mintLink(context, trx, checkin, "email");
    await enqueueMail(context, trx, {
      organisationId: org,
      clientId: checkin.client_id,
      kind: "checkin-link",
      mail: checkinMail({
        to: email,
        url,
        organisationName: settings.organisationName,
        expiresAt: checkin.expires_at,
        reminder: false,
      }),
    });
    await updateCheckin(trx, org, id, {
      email_enc: await context.cipher.encrypt(
        trx,
        org,
        checkin.client_id,
        "checkins.email",
        email,
      ),
      last_sent_at: isoNow(context),
    });
    await auditWrite(context, trx, actor, checkin.client_id, "checkin.send");
  });
  deliverSoon(context);
  return { queued: true };
}

export interface CheckinView {
  id: string;
  clientId: string;
  sessionId: string | null;
  instruments: string[];
  status: "open" | "completed" | "expired" | "cancelled";
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  emailed: boolean;
  remindersSent: number;
  responseIds: string[];
  risk: boolean;
  /** "Is there anything that would have made today's session better?" */
  feedback: string | null;
}

/** "expired" once an open check-in's link has run out, though the row still says open. */
function shownStatus(row: CheckinTable, now: string): CheckinView["status"] {
  return row.status === "open" && row.expires_at <= now
    ? "expired"
    : row.status;
}

export type CheckinStatusView = Pick<
  CheckinView,
  "id" | "status" | "completedAt" | "expiresAt"
>;

/**
 * One check-in's state and nothing of the client's answers or feedback: what the therapist's
 * page asks for while the client fills it in. Every read of a client's data is audited.
 */
export async function checkinStatus(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<CheckinStatusView> {
  const row = await loadCheckinFor(context, actor, id, "read");
  await audit(context, actor, row.client_id, "checkin.status");
  return {
    id,
    status: shownStatus(row, isoNow(context)),
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
  };
}

export async function listCheckins(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<CheckinView[]> {
  const org = actor.organisationId;
  await loadClientFor(context, actor, clientId, "read");
  const rows = await listClientCheckins(context.db, org, clientId);
  const submissions = new Map(
    (
      await listSubmissions(
        context.db,
        org,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.checkin_id, s]),
  );
  const now = isoNow(context);
  const items = await Promise.all(
    rows.map(async (r): Promise<CheckinView> => {
      const submission = submissions.get(r.id);
      return {
        id: r.id,
        clientId: r.client_id,
        sessionId: r.session_id,
        instruments: JSON.parse(r.instruments) as string[],
        status: shownStatus(r, now),
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        completedAt: r.completed_at,
        emailed: r.email_enc !== null,
        remindersSent: r.reminders_sent,
        responseIds: submission
          ? (JSON.parse(submission.response_ids) as string[])
          : [],
        risk: submission?.risk === 1,
        feedback: r.feedback_enc
          ? await context.cipher.decrypt(
              context.db,
              org,
              clientId,
              "checkins.feedback",
              r.feedback_enc,
            )
          : null,
      };
    }),
  );
  await audit(context, actor, clientId, "checkin.list");
  return items;
}
