// The client's sessions, newest first: add one, record whether it was attended.
import { useId, useState } from "react";
import { addSession, setSessionStatus } from "../api/clients";
import {
  SESSION_STATUSES,
  type SessionStatus,
  type TherapySession,
} from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { formatDateTime, fromLocalInput } from "../components/format";
import { useAction, type Action } from "../components/useAction";
import { Section } from "../components/Section";
import type { ClientSessions } from "./useClientSessions";

export const SESSION_STATUS_LABEL: Record<SessionStatus, string> = {
  scheduled: "Scheduled",
  attended: "Attended",
  cancelled: "Cancelled",
  "no-show": "No-show",
};

function StatusOptions() {
  return (
    <>
      {SESSION_STATUSES.map((s) => (
        <option key={s} value={s}>
          {SESSION_STATUS_LABEL[s]}
        </option>
      ))}
    </>
  );
}

interface RowProps {
  session: TherapySession;
  canEdit: boolean;
  action: Action;
  onChange: (status: SessionStatus) => void;
}

function SessionRow({ session, canEdit, action, onChange }: RowProps) {
  const when = formatDateTime(session.startsAt);
  return (
    <tr>
      <th scope="row">{when}</th>
      <td>
        {canEdit ? (
          <select
            aria-label={`Status of the session on ${when}`}
            value={session.status}
            disabled={action.busy}
            onChange={(e) => onChange(e.target.value as SessionStatus)}
          >
            <StatusOptions />
          </select>
        ) : (
          SESSION_STATUS_LABEL[session.status]
        )}
      </td>
    </tr>
  );
}

function AddSessionForm({
  clientId,
  action,
  onAdded,
}: {
  clientId: string;
  action: Action;
  onAdded: () => void;
}) {
  const [startsAt, setStartsAt] = useState("");
  const [status, setStatus] = useState<SessionStatus>("scheduled");
  const statusId = useId();
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitLabel="Add session"
      announce={false}
      onSubmit={async () => {
        await addSession(clientId, fromLocalInput(startsAt), status);
        setStartsAt("");
        onAdded();
        return "Session added.";
      }}
    >
      <Field
        label="Date and time"
        type="datetime-local"
        required
        value={startsAt}
        onChange={(e) => setStartsAt(e.target.value)}
      />
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={status}
          onChange={(e) => setStatus(e.target.value as SessionStatus)}
        >
          <StatusOptions />
        </select>
      </div>
    </ActionForm>
  );
}

export function SessionsSection({
  clientId,
  canEdit,
  sessions,
}: {
  clientId: string;
  canEdit: boolean;
  /** The page's shared sessions, reloaded here after a change. */
  sessions: ClientSessions;
}) {
  const action = useAction();
  const items = sessions.data ?? [];
  const change = (session: TherapySession, status: SessionStatus) =>
    action.run(async () => {
      await setSessionStatus(clientId, session.id, status);
      sessions.reload();
      return `Session on ${formatDateTime(session.startsAt)} marked ${SESSION_STATUS_LABEL[status].toLowerCase()}.`;
    });
  return (
    <Section title="Sessions">
      <LoadError error={sessions.error} />
      {sessions.data && items.length === 0 && <p>No sessions yet.</p>}
      {items.length > 0 && (
        <div
          className="table-scroll"
          role="region"
          aria-label="Sessions table"
          tabIndex={0}
        >
          <table>
            <caption className="visually-hidden">
              Sessions, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <SessionRow
                  key={s.id}
                  session={s}
                  canEdit={canEdit}
                  action={action}
                  onChange={(status) => change(s, status)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <AddSessionForm
          clientId={clientId}
          action={action}
          onAdded={sessions.reload}
        />
      )}
      <ActionStatus action={action} />
    </Section>
  );
}
