// The client record itself: rename, age band and gender, discharge and re-activate.
import { useState } from "react";
import { updateClient } from "../api/clients";
import type { Client } from "../api/types";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { Section } from "../components/Section";
import { useAction } from "../components/useAction";
import { DemographicsForm } from "./DemographicsForm";

export function RecordSection({
  client,
  onChange,
}: {
  client: Client;
  onChange: (client: Client) => void;
}) {
  const [name, setName] = useState(client.name);
  const action = useAction();
  const save = (patch: Parameters<typeof updateClient>[1], said: string) =>
    action.run(async () => {
      onChange(await updateClient(client.id, patch));
      return said;
    });
  const discharged = client.status === "discharged";
  return (
    <Section title="Record">
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = name.trim();
          if (trimmed && trimmed !== client.name)
            save({ name: trimmed }, `Renamed to ${trimmed}.`);
        }}
      >
        <Field
          label="Client name"
          value={name}
          maxLength={200}
          required
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={action.busy}>
          Rename
        </button>
      </form>
      <DemographicsForm
        client={client}
        busy={action.busy}
        onSave={(patch) => save(patch, "Age band and gender saved.")}
      />
      <p>
        <button
          type="button"
          className="secondary"
          disabled={action.busy}
          onClick={() =>
            save(
              { status: discharged ? "active" : "discharged" },
              discharged
                ? "The client is active again."
                : "The client is discharged.",
            )
          }
        >
          {discharged ? "Re-activate the client" : "Discharge the client"}
        </button>
      </p>
      <ActionStatus action={action} />
    </Section>
  );
}
