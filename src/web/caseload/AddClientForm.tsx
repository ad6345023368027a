// A therapist adds a client to their own caseload.
import { useState } from "react";
import { createClient } from "../api/clients";
import type { Client } from "../api/types";
import { ActionForm } from "../components/ActionForm";
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
    <ActionForm
      action={action}
      className="inline-form"
      submitLabel="Add client"
      onSubmit={async () => {
        const client = await createClient(name.trim());
        setName("");
        onAdded(client);
        return `Added ${client.name}.`;
      }}
    >
      <Field
        label="New client's name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
    </ActionForm>
  );
}
