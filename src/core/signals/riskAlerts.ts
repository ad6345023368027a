// The one risk rule and the one way a risk answer becomes an alert. Every caller (a stored
// response, a refused unscorable one, a check-in draft, a re-score, the hourly job) goes through
// these functions, so the rule cannot drift between them (issue 14).
import type { RiskHit } from "../instruments/interpret.js";
import { findItem } from "../instruments/itemValues.js";
import type { Pack } from "../instruments/packSchema.js";

/**
 * The rule: an answer that is one of the pack's trigger values on a declared risk item (PHQ-9
 * item 9: any non-zero answer) raises a risk alert at once, whatever the total and whatever else
 * is wrong with the response (clinical-facts, Rapport's decisions: "Risk").
 * @example triggeredRiskAnswers(phq9, new Map([["phq-9-item-9", 2]])) // [{ linkId: "phq-9-item-9", value: 2, ... }]
 */
export function triggeredRiskAnswers(
  pack: Pack,
  values: ReadonlyMap<string, number>,
): RiskHit[] {
  return (pack.scoring.risk ?? []).flatMap((risk) => {
    const value = values.get(risk.item);
    if (value === undefined || !risk.triggerValues.includes(value)) return [];
    const text = findItem(pack, risk.item)?.text ?? risk.item;
    return [{ linkId: risk.item, value, text, source: risk.source }];
  });
}

/** The risk item ids a pack declares. */
export function declaredRiskItems(pack: Pack): string[] {
  return (pack.scoring.risk ?? []).map((r) => r.item);
}

/**
 * Risk items the previous version declared that the new one no longer does: installing such a
 * version silently stops alerting on them, so it needs the administrator's explicit confirmation.
 * @example droppedRiskItems(phq9v1, phq9WithoutItem9) // ["phq-9-item-9"]
 */
export function droppedRiskItems(previous: Pack, next: Pack): string[] {
  const kept = new Set(declaredRiskItems(next));
  return declaredRiskItems(previous).filter((id) => !kept.has(id));
}

/** One triggering answer not yet on any alert's evidence. */
export interface NewRiskAnswer {
  instrumentId: string;
  /** The instrument's readable name, e.g. "PHQ-9". */
  label: string;
  linkId: string;
  answer: number;
  /** When the client gave the answer (the response's submittedAt), not when it was stored. */
  answeredAt: string;
  /** The stored response; null when the response was refused as unscorable. */
  responseId: string | null;
  /** The response's total; null when it did not score. */
  total: number | null;
  /** Where the answer is: a stored response, a check-in's saved draft, a refused response. */
  from: "response" | "draft" | "unscorable";
}

const WHERE: Record<NewRiskAnswer["from"], string> = {
  response: "",
  draft: " in a check-in not yet submitted",
  unscorable:
    " in a response refused as unscorable (only this answer was kept)",
};

/** The alert's rule name, by where the answer is. */
export function riskRule(a: NewRiskAnswer): string {
  return a.from === "response"
    ? "risk.item-answer"
    : a.from === "draft"
      ? "risk.item-answer.in-progress"
      : "risk.item-answer.unscorable";
}

/** An unresolved risk alert of the client, as far as planning needs it. */
export interface OpenRiskAlert {
  id: string;
  causeKey: string;
}

/** One open risk alert per client, instrument and item: later answers join it. */
export function riskCause(instrumentId: string, linkId: string): string {
  return `risk:${instrumentId}:${linkId}`;
}

/** Alerts raised before per-item causes carried the session (`risk:phq-9:item:s3`): still joined. */
function matchesCause(alert: OpenRiskAlert, cause: string): boolean {
  return alert.causeKey === cause || alert.causeKey.startsWith(`${cause}:s`);
}

const day = (iso: string) => iso.slice(0, 10);

export function riskExplanation(a: NewRiskAnswer, answers: number): string {
  const total =
    a.total === null ? WHERE[a.from] || " (not scored)" : ` (total ${a.total})`;
  const more =
    answers > 1 ? ` This alert holds ${answers} triggering answers.` : "";
  return (
    `${a.label} risk item ${a.linkId} was answered ${a.answer} on ${day(a.answeredAt)}${total}; ` +
    "rule: a triggering answer on a declared risk item raises a risk alert whatever the total " +
    `and whatever the response's date.${more}`
  );
}

export type RiskAlertStep =
  | { action: "create"; causeKey: string; answer: NewRiskAnswer }
  | { action: "join"; alertId: string; answer: NewRiskAnswer }
  /** Joins the alert this plan creates for an earlier answer with the same cause. */
  | { action: "join-new"; causeKey: string; answer: NewRiskAnswer };

/**
 * What to do with each new triggering answer: join the client's open alert for that instrument
 * and item, else create one (and let later answers of the same item join it). Every step is
 * notified: a joined alert is as urgent as a new one.
 * @example
 * planRiskAlerts([answer("phq-9", "phq-9-item-9")], [{ id: "a1", causeKey: "risk:phq-9:phq-9-item-9" }])
 * // [{ action: "join", alertId: "a1", answer: … }]
 */
export function planRiskAlerts(
  answers: readonly NewRiskAnswer[],
  open: readonly OpenRiskAlert[],
): RiskAlertStep[] {
  const created = new Set<string>();
  return [...answers]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((answer): RiskAlertStep => {
      const causeKey = riskCause(answer.instrumentId, answer.linkId);
      const existing = open.find((a) => matchesCause(a, causeKey));
      if (existing) return { action: "join", alertId: existing.id, answer };
      if (created.has(causeKey))
        return { action: "join-new", causeKey, answer };
      created.add(causeKey);
      return { action: "create", causeKey, answer };
    });
}
