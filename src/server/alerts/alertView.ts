// An alert as the API shows it: its note and latest acknowledgement decrypted, with who acted.
import type { AppContext } from "../context.js";
import type { AlertStatus, AlertTable } from "../db/alertsSchema.js";
import {
  ACTION_LABELS,
  type AcknowledgementAction,
} from "../../core/signals/acknowledgement.js";
import {
  latestAcknowledgements,
  type AcknowledgementRow,
} from "./acknowledgements.repository.js";

export interface AcknowledgementView {
  action: string;
  /** The action in words ("Safety plan reviewed"). */
  actionLabel: string;
  note: string | null;
  by: string;
  byName: string | null;
  at: string;
}

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
  /** What was done, from the kind's list (null before it was acknowledged). */
  acknowledgement: AcknowledgementView | null;
  /** The acknowledgement's note; for alerts acknowledged before actions were recorded, theirs. */
  note: string | null;
  /** The note given on resolving, if any. */
  resolutionNote: string | null;
  escalatedAt: string | null;
  resolvedAt: string | null;
}

const labelOf = (action: string) =>
  ACTION_LABELS[action as AcknowledgementAction] ?? action;

async function acknowledgementView(
  context: AppContext,
  row: AcknowledgementRow,
): Promise<AcknowledgementView> {
  return {
    action: row.action,
    actionLabel: labelOf(row.action),
    note: row.note_enc
      ? await context.cipher.decrypt(
          context.db,
          row.organisation_id,
          row.client_id,
          "alert_acknowledgements.note",
          row.note_enc,
        )
      : null,
    by: row.acknowledged_by,
    byName: row.acknowledged_by_name,
    at: row.acknowledged_at,
  };
}

async function view(
  context: AppContext,
  a: AlertTable,
  ack: AcknowledgementRow | undefined,
): Promise<AlertView> {
  const acknowledgement = ack ? await acknowledgementView(context, ack) : null;
  const alertNote = a.note_enc
    ? await context.cipher.decrypt(
        context.db,
        a.organisation_id,
        a.client_id,
        "alerts.note",
        a.note_enc,
      )
    : null;
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
    acknowledgement,
    // Before 0011 the acknowledging note lived on the alert row; since, that column holds only
    // the resolution note.
    note: acknowledgement
      ? acknowledgement.note
      : a.resolved_at
        ? null
        : alertNote,
    resolutionNote: a.resolved_at ? alertNote : null,
    escalatedAt: a.escalated_at,
    resolvedAt: a.resolved_at,
  };
}

export async function alertViews(
  context: AppContext,
  organisationId: string,
  alerts: readonly AlertTable[],
): Promise<AlertView[]> {
  const acks = await latestAcknowledgements(
    context.db,
    organisationId,
    alerts.map((a) => a.id),
  );
  return Promise.all(alerts.map((a) => view(context, a, acks.get(a.id))));
}
