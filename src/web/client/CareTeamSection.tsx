// Who works with the client: share with a colleague, stop sharing, transfer to another therapist.
import { useId, useState } from "react";
import { allMembers } from "../api/admin";
import { shareClient, transferClient, unshareClient } from "../api/clients";
import type { Client, Member } from "../api/types";
import { ActionStatus } from "../components/ActionStatus";
import { useAction, type Action } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import { navigate } from "../router";
import { Section } from "../components/Section";

interface Props {
  client: Client;
  canEdit: boolean;
  onChange: (client: Client) => void;
}

function TherapistPicker({
  label,
  choices,
  button,
  action,
  onPick,
}: {
  label: string;
  choices: Member[];
  button: string;
  action: Action;
  onPick: (id: string) => void;
}) {
  const [picked, setPicked] = useState("");
  const id = useId();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked) onPick(picked);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          required
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
        >
          <option value="">Choose a therapist</option>
          {choices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="secondary"
        disabled={action.busy || choices.length === 0}
      >
        {button}
      </button>
    </form>
  );
}

export function CareTeamSection({ client, canEdit, onChange }: Props) {
  const members = useLoad(() => allMembers("therapist"), "therapists");
  const action = useAction();
  const therapists = (members.data ?? []).filter((m) => m.active);
  const nameOf = (id: string) =>
    (members.data ?? []).find((m) => m.id === id)?.name ?? id;
  const others = therapists.filter(
    (m) => m.id !== client.therapistId && !client.sharedWith.includes(m.id),
  );
  return (
    <Section title="Care team">
      <p>Therapist: {nameOf(client.therapistId)}</p>
      {client.sharedWith.length === 0 ? (
        <p>Not shared with colleagues.</p>
      ) : (
        <ul className="plain" aria-label="Shared with">
          {client.sharedWith.map((id) => (
            <li key={id}>
              Shared with {nameOf(id)}{" "}
              {canEdit && (
                <button
                  type="button"
                  className="secondary small"
                  disabled={action.busy}
                  onClick={() =>
                    action.run(async () => {
                      onChange(await unshareClient(client.id, id));
                      return `No longer shared with ${nameOf(id)}.`;
                    })
                  }
                >
                  Stop sharing
                  <span className="visually-hidden"> with {nameOf(id)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <TherapistPicker
            label="Share with a colleague"
            button="Share"
            choices={others}
            action={action}
            onPick={(id) =>
              action.run(async () => {
                onChange(await shareClient(client.id, id));
                return `Shared with ${nameOf(id)}.`;
              })
            }
          />
          <TherapistPicker
            label="Transfer to another therapist"
            button="Transfer"
            choices={therapists.filter((m) => m.id !== client.therapistId)}
            action={action}
            onPick={(id) =>
              action.run(async () => {
                await transferClient(client.id, id);
                navigate("/");
                return undefined;
              })
            }
          />
        </>
      )}
      <ActionStatus action={action} />
    </Section>
  );
}
