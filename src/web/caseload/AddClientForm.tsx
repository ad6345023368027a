// A therapist adds a client to their own caseload.
import { useState } from "react";
import { createClient } from "../api/clients";
import type { Client } from "../api/types";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { useAction } from "../components/useAction";

export function AddClientForm({
  onAdded,
}: {
  onAdded: (client: Client) => void;
}) {
  const [name, setName] = useState("");
  const action = useAction();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        action.run(async () => {
          const client = await createClient(name.trim());
          setName("");
          onAdded(client);
          return `Added ${client.name}.`;
        });
      }}
    >
      <Field
        label="New client's name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={action.busy}>
        Add client
      </button>
      <ActionStatus action={action} />
    </form>
  );
}
