// The alert lifecycle: open → acknowledged (what was done, from the kind's list) → resolved; lists
// most severe first. A supervisor acts on an alert escalated to them (issue 14, point 6).
import type { Actor } from "../auth/actor.js";
import { loadClientFor, visibleScope } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { AlertStatus, AlertTable } from "../db/alertsSchema.js";
import { AppError, notFound } from "../errors.js";
import { newId } from "../ids.js";
import { checkAcknowledgement } from "../../core/signals/acknowledgement.js";
import type { Signal } from "../../core/signals/types.js";
import { insertAcknowledgement } from "./acknowledgements.repository.js";
import { findAlert, listAlertRows, moveAlert } from "./alerts.repository.js";
import { alertViews, type AlertView } from "./alertView.js";
import { clientSignals } from "./evaluateAlerts.js";

export type { AlertView } from "./alertView.js";

const STATUSES: Record<string, AlertStatus[]> = {
  open: ["open"],
  acknowledged: ["acknowledged"],
  unresolved: ["open", "acknowledged"],
  resolved: ["resolved"],
  all: ["open", "acknowledged", "resolved"],
};

export async function listAlerts(
  context: AppContext,
  actor: Actor,
  query: { clientId?: string; status?: string; limit: number; cursor?: string },
): Promise<{ items: AlertView[]; next: string | null }> {
  const offset = query.cursor ? Number(query.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError("validation", "cursor is not valid");
  const statuses = STATUSES[query.status ?? "unresolved"] ?? [
    "open",
    "acknowledged",
  ];
  const filter = query.clientId
    ? {
        clientIds: [
          (await loadClientFor(context, actor, query.clientId, "read")).id,
        ],
      }
    : await visibleScope(context.db, actor).then((s) => ({
        therapistIds: s.therapistIds,
        ...(s.sharedWithMe ? { sharedWith: actor.memberId } : {}),
      }));
  const rows = await listAlertRows(context.db, actor.organisationId, {
    ...filter,
    statuses,
    limit: query.limit,
    offset,
  });
  const page = rows.slice(0, query.limit);
  await audit(
    context,
    actor,
    [...new Set(page.map((a) => a.client_id))],
    "alert.list",
  );
  return {
    items: await alertViews(context, actor.organisationId, page),
    next: rows.length > query.limit ? String(offset + query.limit) : null,
  };
}

/**
 * The alert, if the actor may act on it: the client's therapist (or a colleague it is shared
 * with) always; anyone who may read the client (a supervisor) once it was escalated to them.
 */
async function actionableAlert(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<AlertTable> {
  const alert = await findAlert(context.db, actor.organisationId, id);
  if (!alert) throw notFound("alert");
  const mode = alert.escalated_at ? "read" : "write";
  await loadClientFor(context, actor, alert.client_id, mode);
  if (alert.status === "resolved")
    throw new AppError("conflict", "the alert is already resolved");
  return alert;
}

const alreadyMoved = () =>
  new AppError("conflict", "the alert was changed meanwhile; reload it");

async function viewOf(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<AlertView> {
  const alert = await findAlert(context.db, actor.organisationId, id);
  if (!alert) throw notFound("alert");
  const [view] = await alertViews(context, actor.organisationId, [alert]);
  if (!view) throw notFound("alert");
  return view;
}

/** Records what was done (an action from the kind's list, a note for "other"), by whom, when. */
export async function acknowledgeAlert(
  context: AppContext,
  actor: Actor,
  id: string,
  body: { action: string; note?: string },
): Promise<AlertView> {
  const alert = await actionableAlert(context, actor, id);
  if (alert.status !== "open")
    throw new AppError("conflict", "the alert is already acknowledged");
  const check = checkAcknowledgement(alert.kind, body.action, body.note);
  if (!check.valid) throw new AppError("validation", check.reason);
  const org = actor.organisationId;
  const noteEnc =
    check.note === null
      ? null
      : await context.cipher.encrypt(
          context.db,
          org,
          alert.client_id,
          "alert_acknowledgements.note",
          check.note,
        );
  const at = isoNow(context);
  await inTransaction(context.db, async (trx) => {
    const moved = await moveAlert(trx, org, id, ["open"], {
      status: "acknowledged",
      updated_at: at,
      acknowledged_by: actor.memberId,
      acknowledged_at: at,
    });
    if (!moved) throw alreadyMoved();
    await insertAcknowledgement(trx, {
      id: newId(at),
      organisation_id: org,
      alert_id: id,
      client_id: alert.client_id,
      action: check.action,
      note_enc: noteEnc,
      acknowledged_by: actor.memberId,
      acknowledged_at: at,
    });
    await appendAudit(trx, {
      organisationId: org,
      actorId: actor.memberId,
      clientId: alert.client_id,
      action: "alert.acknowledge",
      source: actor.source,
      at,
    });
  });
  return viewOf(context, actor, id);
}

export async function resolveAlert(
  context: AppContext,
  actor: Actor,
  id: string,
  note?: string,
): Promise<AlertView> {
  const alert = await actionableAlert(context, actor, id);
  const org = actor.organisationId;
  const at = isoNow(context);
  const patch: Partial<AlertTable> = {
    status: "resolved",
    updated_at: at,
    resolved_by: actor.memberId,
    resolved_at: at,
    ...(alert.acknowledged_at
      ? {}
      : { acknowledged_by: actor.memberId, acknowledged_at: at }),
  };
  if (note?.trim())
    patch.note_enc = await context.cipher.encrypt(
      context.db,
      org,
      alert.client_id,
      "alerts.note",
      note.trim(),
    );
  await inTransaction(context.db, async (trx) => {
    if (!(await moveAlert(trx, org, id, ["open", "acknowledged"], patch)))
      throw alreadyMoved();
    await appendAudit(trx, {
      organisationId: org,
      actorId: actor.memberId,
      clientId: alert.client_id,
      action: "alert.resolve",
      source: actor.source,
      at,
    });
  });
  return viewOf(context, actor, id);
}

/** Every current signal of a client, good news included, computed from the stored history. */
export async function clientSignalsFor(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<Signal[]> {
  await loadClientFor(context, actor, clientId, "read");
  await audit(context, actor, clientId, "signal.read");
  return clientSignals(context, actor.organisationId, clientId);
}
