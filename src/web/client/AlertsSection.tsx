// The client's unresolved alerts, most severe first, each explained. An open alert is
// acknowledged by saying what was done (from the kind's list, with a note); an acknowledged one
// shows who did what and when, and is resolved here. The client's therapist acts on alerts; a
// supervisor (or a reading administrator) on an alert escalated to them (issue 14).
import { useId, useState } from "react";
import {
  acknowledgeAlert,
  fetchClientAlerts,
  resolveAlert,
  type Alert,
} from "../api/alerts";
import { reasonFor } from "../caseload/attention";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { Section } from "../components/Section";
import { formatDate, formatDateTime } from "../components/format";
import { useAction, type Action } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import {
  ACTION_LABELS,
  actionsFor,
  type AcknowledgementAction,
} from "../../core/signals/acknowledgement";
import { useClientDataKey } from "./clientDataVersion";

const reasonOf = (alert: Alert) => reasonFor(alert.kind);

interface FormProps {
  alert: Alert;
  action: Action;
  onDone: () => void;
}

function AcknowledgeForm({ alert, action, onDone }: FormProps) {
  const actions = actionsFor(alert.kind);
  const [chosen, setChosen] = useState<AcknowledgementAction>(
    actions[0] ?? "other",
  );
  const [note, setNote] = useState("");
  const selectId = useId();
  const other = chosen === "other";
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitClassName="secondary"
      submitLabel={
        <>
          Acknowledge<span className="visually-hidden"> {reasonOf(alert)}</span>
        </>
      }
      announce={false}
      onSubmit={async () => {
        await acknowledgeAlert(alert.id, chosen, note.trim());
        onDone();
        return `Acknowledged: ${reasonOf(alert)} (${ACTION_LABELS[chosen]}).`;
      }}
    >
      <div className="field">
        <label
          htmlFor={selectId}
        >{`What was done about "${reasonOf(alert)}"`}</label>
        <select
          id={selectId}
          value={chosen}
          onChange={(e) => setChosen(e.target.value as AcknowledgementAction)}
        >
          {actions.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={`Note on "${reasonOf(alert)}"`}
        hint={other ? "Required: say what was done." : "Optional."}
        required={other}
        maxLength={10000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionForm>
  );
}

function ResolveForm({ alert, action, onDone }: FormProps) {
  const [note, setNote] = useState("");
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitClassName="secondary"
      submitLabel={
        <>
          Resolve<span className="visually-hidden"> {reasonOf(alert)}</span>
        </>
      }
      announce={false}
      onSubmit={async () => {
        await resolveAlert(alert.id, note.trim());
        onDone();
        return `Resolved: ${reasonOf(alert)}.`;
      }}
    >
      <Field
        label={`Resolution note on "${reasonOf(alert)}"`}
        hint="Optional."
        maxLength={10000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionForm>
  );
}

function AcknowledgedLine({ alert }: { alert: Alert }) {
  const ack = alert.acknowledgement;
  if (!ack) return alert.note ? <p>Note: {alert.note}</p> : null;
  return (
    <>
      <p>
        Acknowledged by {ack.byName ?? "a former member"} on{" "}
        {formatDateTime(ack.at)}: {ack.actionLabel}.
      </p>
      {ack.note && <p>Note: {ack.note}</p>}
    </>
  );
}

export function AlertsSection({
  clientId,
  canEdit,
  canActOnEscalated = false,
}: {
  clientId: string;
  canEdit: boolean;
  /** Readers (supervisors) may act on an alert once it was escalated to them. */
  canActOnEscalated?: boolean;
}) {
  const alerts = useLoad(
    () => fetchClientAlerts(clientId),
    useClientDataKey(clientId),
  );
  const action = useAction();
  if (alerts.data === null && !alerts.loading && !alerts.error) return null;
  const items = [...(alerts.data ?? [])].sort(
    (a, b) => b.severity - a.severity,
  );
  const canAct = (alert: Alert) =>
    canEdit || (canActOnEscalated && alert.escalatedAt !== null);
  return (
    <Section title="Alerts">
      <LoadError error={alerts.error} />
      {alerts.data?.length === 0 && <p>No unresolved alerts.</p>}
      <ul className="plain">
        {items.map((alert) => (
          <li key={alert.id}>
            <p>
              <strong className="attention">{reasonOf(alert)}</strong>{" "}
              <span className="muted">
                ({alert.severityLabel}
                {alert.createdAt ? `, ${formatDate(alert.createdAt)}` : ""}
                {alert.status !== "open" ? `, ${alert.status}` : ""}
                {alert.escalatedAt ? ", escalated to the supervisors" : ""})
              </span>
            </p>
            {alert.explanation && <p>{alert.explanation}</p>}
            <AcknowledgedLine alert={alert} />
            {canAct(alert) && alert.status === "open" && (
              <AcknowledgeForm
                alert={alert}
                action={action}
                onDone={alerts.reload}
              />
            )}
            {canAct(alert) && alert.status === "acknowledged" && (
              <ResolveForm
                alert={alert}
                action={action}
                onDone={alerts.reload}
              />
            )}
          </li>
        ))}
      </ul>
      <ActionStatus action={action} />
    </Section>
  );
}
