// The alert lifecycle: open → acknowledged (with a note) → resolved; lists most severe first.
import type { Actor } from "../auth/actor.js";
import { loadClientFor, visibleScope } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { AlertStatus, AlertTable } from "../db/alertsSchema.js";
import { AppError, notFound } from "../errors.js";
import type { Signal } from "../../core/signals/types.js";
import { findAlert, listAlertRows, updateAlert } from "./alerts.repository.js";
import { clientSignals } from "./evaluateAlerts.js";

export interface AlertView {
  id: string;
  clientId: string;
  kind: string;
  severity: string;
  explanation: string;
  rule: string;
  instrumentId: string | null;
  evidence: Record<string, unknown>;
  status: AlertStatus;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
  resolvedAt: string | null;
}

async function view(context: AppContext, a: AlertTable): Promise<AlertView> {
  return {
    id: a.id,
    clientId: a.client_id,
    kind: a.kind,
    severity: a.severity,
    explanation: a.explanation,
    rule: a.rule,
    instrumentId: a.instrument_id,
    evidence: JSON.parse(a.evidence) as Record<string, unknown>,
    status: a.status,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    acknowledgedAt: a.acknowledged_at,
    acknowledgedBy: a.acknowledged_by,
    note: a.note_enc
      ? await context.cipher.decrypt(
          context.db,
          a.organisation_id,
          a.client_id,
          "alerts.note",
          a.note_enc,
        )
      : null,
    resolvedAt: a.resolved_at,
  };
}

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
    items: await Promise.all(page.map((a) => view(context, a))),
    next: rows.length > query.limit ? String(offset + query.limit) : null,
  };
}

async function transition(
  context: AppContext,
  actor: Actor,
  id: string,
  to: "acknowledged" | "resolved",
  note: string | undefined,
): Promise<AlertView> {
  const alert = await findAlert(context.db, actor.organisationId, id);
  if (!alert) throw notFound("alert");
  await loadClientFor(context, actor, alert.client_id, "write");
  if (alert.status === "resolved")
    throw new AppError("conflict", "the alert is already resolved");
  if (to === "acknowledged" && alert.status !== "open")
    throw new AppError("conflict", "the alert is already acknowledged");
  const at = isoNow(context);
  const patch: Partial<AlertTable> = { status: to, updated_at: at };
  if (note)
    patch.note_enc = await context.cipher.encrypt(
      context.db,
      actor.organisationId,
      alert.client_id,
      "alerts.note",
      note,
    );
  if (to === "acknowledged")
    Object.assign(patch, {
      acknowledged_by: actor.memberId,
      acknowledged_at: at,
    });
  else
    Object.assign(patch, {
      resolved_by: actor.memberId,
      resolved_at: at,
      ...(alert.acknowledged_at
        ? {}
        : { acknowledged_by: actor.memberId, acknowledged_at: at }),
    });
  await inTransaction(context.db, async (trx) => {
    await updateAlert(trx, actor.organisationId, id, patch);
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.memberId,
      clientId: alert.client_id,
      action: `alert.${to === "acknowledged" ? "acknowledge" : "resolve"}`,
      source: actor.source,
      at,
    });
  });
  return view(context, { ...alert, ...patch });
}

export function acknowledgeAlert(
  context: AppContext,
  actor: Actor,
  id: string,
  note: string,
): Promise<AlertView> {
  return transition(context, actor, id, "acknowledged", note);
}

export function resolveAlert(
  context: AppContext,
  actor: Actor,
  id: string,
  note?: string,
): Promise<AlertView> {
  return transition(context, actor, id, "resolved", note);
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
