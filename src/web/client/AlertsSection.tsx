// The client's unresolved alerts, most severe first, each explained; a therapist acknowledges
// an open one with a note saying what they did.
import { useState } from "react";
import { acknowledgeAlert, fetchClientAlerts, type Alert } from "../api/alerts";
import { reasonFor } from "../caseload/attention";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { Section } from "../components/Section";
import { formatDate } from "../components/format";
import { useAction, type Action } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import { useClientDataKey } from "./clientDataVersion";

const reasonOf = (alert: Alert) => reasonFor(alert.kind);

function AcknowledgeForm({
  alert,
  action,
  onDone,
}: {
  alert: Alert;
  action: Action;
  onDone: () => void;
}) {
  const [note, setNote] = useState("");
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
        await acknowledgeAlert(alert.id, note.trim());
        onDone();
        return `Acknowledged: ${reasonOf(alert)}.`;
      }}
    >
      <Field
        label={`Note on "${reasonOf(alert)}"`}
        required
        maxLength={10000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionForm>
  );
}

export function AlertsSection({
  clientId,
  canEdit,
}: {
  clientId: string;
  canEdit: boolean;
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
                {alert.status !== "open" ? `, ${alert.status}` : ""})
              </span>
            </p>
            {alert.explanation && <p>{alert.explanation}</p>}
            {alert.note && <p>Note: {alert.note}</p>}
            {canEdit && alert.status === "open" && (
              <AcknowledgeForm
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
