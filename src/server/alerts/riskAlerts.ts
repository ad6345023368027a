// The one risk/alert path (issue 14): every triggering risk answer not yet on an alert's evidence
// raises or joins the client's risk alert, gets its own dated evidence row and notifies the
// therapist. A stored response, a refused unscorable one, a check-in draft, a re-score and the
// hourly job all come here (through evaluateClientAlerts), so none can store a risk answer
// without its alert. Idempotent: evidence is written once per response and item.
import {
  planRiskAlerts,
  riskExplanation,
  riskRule,
  type NewRiskAnswer,
} from "../../core/signals/riskAlerts.js";
import type { RiskHit } from "../../core/instruments/interpret.js";
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import { newId } from "../ids.js";
import { notifyTherapistOfRisk } from "../notifications/therapistNotice.js";
import { insertAlert, updateAlert } from "./alerts.repository.js";

/** A triggering answer that is in no stored response: a draft's, or a refused response's. */
export interface PendingRiskAnswer extends NewRiskAnswer {
  /** The check-in whose saved draft holds it; null for a refused unscorable response. */
  checkinId: string | null;
}

export interface RiskPathOptions {
  pending?: readonly PendingRiskAnswer[];
  /**
   * The check-in whose responses were just stored: an answer its draft already alerted on joins
   * that alert without a second email.
   */
  checkinId?: string;
  /** False only for the demo seed: no email for invented clients. */
  notify?: boolean;
}

export interface RiskPathResult {
  /** Alerts created or joined. */
  alertIds: string[];
  /** A notice to the therapist was queued in the outbox. */
  notified: boolean;
}

type Evidence = {
  response_id: string | null;
  checkin_id: string | null;
  instrument_id: string;
  link_id: string;
  alert_id: string | null;
};

/** Triggering answers of the client's stored responses that no evidence row holds yet. */
async function unseenStoredAnswers(
  trx: Db,
  organisationId: string,
  clientId: string,
  evidence: readonly Evidence[],
  labelOf: (instrumentId: string) => string,
): Promise<NewRiskAnswer[]> {
  const seen = new Set(
    evidence.map((e) => `${e.response_id ?? ""}|${e.link_id}`),
  );
  const rows = await trx
    .selectFrom("responses")
    .select([
      "id",
      "instrument_id",
      "total",
      "valid",
      "risk_items",
      "submitted_at",
    ])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("risk_items", "<>", "[]")
    .execute();
  return rows.flatMap((r) =>
    (JSON.parse(r.risk_items) as RiskHit[])
      .filter((hit) => !seen.has(`${r.id}|${hit.linkId}`))
      .map((hit) => ({
        instrumentId: r.instrument_id,
        label: labelOf(r.instrument_id),
        linkId: hit.linkId,
        answer: hit.value,
        answeredAt: r.submitted_at,
        responseId: r.id,
        total: r.valid === 1 ? r.total : null,
        from: "response" as const,
      })),
  );
}

export async function raiseRiskAlerts(
  context: Pick<AppContext, "clock" | "config" | "cipher">,
  trx: Db,
  organisationId: string,
  clientId: string,
  labelOf: (instrumentId: string) => string,
  options: RiskPathOptions = {},
): Promise<RiskPathResult> {
  const now = context.clock().toISOString();
  const evidence = await trx
    .selectFrom("risk_evidence")
    .select([
      "response_id",
      "checkin_id",
      "instrument_id",
      "link_id",
      "alert_id",
    ])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .execute();
  const drafted = (checkinId: string | null | undefined, a: NewRiskAnswer) =>
    checkinId != null &&
    evidence.some(
      (e) =>
        e.checkin_id === checkinId &&
        e.response_id === null &&
        e.instrument_id === a.instrumentId &&
        e.link_id === a.linkId,
    );
  const pendingByAnswer = new Map<NewRiskAnswer, string | null>();
  for (const p of options.pending ?? [])
    // A draft's answer alerts once per check-in and item, however often it is saved.
    if (!drafted(p.checkinId, p)) pendingByAnswer.set(p, p.checkinId);
  const answers = [
    ...(await unseenStoredAnswers(
      trx,
      organisationId,
      clientId,
      evidence,
      labelOf,
    )),
    ...pendingByAnswer.keys(),
  ];
  if (answers.length === 0) return { alertIds: [], notified: false };

  const open = await trx
    .selectFrom("alerts")
    .select(["id", "cause_key"])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("kind", "=", "risk")
    .where("status", "<>", "resolved")
    .orderBy("created_at")
    .execute();
  const counts = new Map<string, number>();
  for (const e of evidence)
    if (e.alert_id) counts.set(e.alert_id, (counts.get(e.alert_id) ?? 0) + 1);
  const createdFor = new Map<string, string>();
  const touched = new Set<string>();
  let toNotify = false;
  for (const step of planRiskAlerts(
    answers,
    open.map((a) => ({ id: a.id, causeKey: a.cause_key })),
  )) {
    const a = step.answer;
    const fields = {
      rule: riskRule(a),
      explanation: "",
      evidence: JSON.stringify({
        linkId: a.linkId,
        answer: a.answer,
        total: a.total,
        answeredAt: a.answeredAt,
        responseId: a.responseId,
      }),
      signal_at: a.answeredAt,
      updated_at: now,
    };
    let alertId: string;
    if (step.action === "create") {
      alertId = newId(now);
      createdFor.set(step.causeKey, alertId);
      await insertAlert(trx, {
        id: alertId,
        organisation_id: organisationId,
        client_id: clientId,
        kind: "risk",
        severity: "critical",
        severity_rank: 0,
        cause_key: step.causeKey,
        instrument_id: a.instrumentId,
        ...fields,
        explanation: riskExplanation(a, 1),
        status: "open",
        created_at: now,
        acknowledged_by: null,
        acknowledged_at: null,
        note_enc: null,
        resolved_by: null,
        resolved_at: null,
        escalated_at: null,
      });
    } else {
      alertId =
        step.action === "join"
          ? step.alertId
          : (createdFor.get(step.causeKey) ?? "");
      await updateAlert(trx, organisationId, alertId, {
        ...fields,
        explanation: riskExplanation(a, (counts.get(alertId) ?? 0) + 1),
      });
    }
    counts.set(alertId, (counts.get(alertId) ?? 0) + 1);
    touched.add(alertId);
    const checkinId = pendingByAnswer.get(a) ?? null;
    await trx
      .insertInto("risk_evidence")
      .values({
        id: newId(now),
        organisation_id: organisationId,
        client_id: clientId,
        alert_id: alertId,
        response_id: a.responseId,
        checkin_id: checkinId,
        instrument_id: a.instrumentId,
        link_id: a.linkId,
        answer_enc: await context.cipher.encrypt(
          trx,
          organisationId,
          clientId,
          "risk_evidence.answer",
          JSON.stringify({ answer: a.answer }),
        ),
        answered_at: a.answeredAt,
        recorded_at: now,
      })
      .execute();
    // The answer its own draft already alerted on: the therapist has had that email.
    if (step.action !== "join" || !drafted(options.checkinId, a))
      toNotify = true;
  }
  const notified = toNotify && options.notify !== false;
  if (notified)
    await notifyTherapistOfRisk(context, trx, organisationId, clientId);
  return { alertIds: [...touched], notified };
}
