// Administrators' access to a client by id: audited break-glass reading, and erasure.
import { useState } from "react";
import { breakGlass, eraseClient } from "../../api/admin";
import { ActionForm } from "../../components/ActionForm";
import { Field } from "../../components/Field";
import { Link } from "../../components/Link";
import { PageHeading } from "../../components/PageHeading";
import { Section } from "../../components/Section";
import { formatDateTime } from "../../components/format";
import { useAction } from "../../components/useAction";
import { clientHref } from "../../router";

function BreakGlassForm() {
  const [clientId, setClientId] = useState("");
  const [reason, setReason] = useState("");
  const [granted, setGranted] = useState<string | null>(null);
  const action = useAction();
  return (
    <>
      <ActionForm
        action={action}
        submitLabel="Open the record"
        onSubmit={async () => {
          const { expiresAt } = await breakGlass(
            clientId.trim(),
            reason.trim(),
          );
          setGranted(clientId.trim());
          return `Read access granted until ${formatDateTime(expiresAt)}.`;
        }}
      >
        <Field
          label="Client record id"
          required
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
        />
        <Field
          label="Reason"
          hint="At least 10 characters; recorded in the audit log."
          required
          minLength={10}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ActionForm>
      {granted && action.done && (
        <p>
          <Link href={clientHref(granted)}>Read the client's record</Link>
        </p>
      )}
    </>
  );
}

function ErasureForm() {
  const [clientId, setClientId] = useState("");
  const [confirm, setConfirm] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Erase the client"
      submitClassName="danger"
      submitDisabled={
        clientId.trim() === "" || confirm.trim() !== clientId.trim()
      }
      onSubmit={async () => {
        await eraseClient(clientId.trim());
        setClientId("");
        setConfirm("");
        return "The client's data was erased.";
      }}
    >
      <p>
        Erasure deletes everything held about the client and destroys their data
        key; audit entries stay, without content. It cannot be undone.
      </p>
      <Field
        label="Client record id to erase"
        required
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
      />
      <Field
        label="Type the id again to confirm"
        required
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
    </ActionForm>
  );
}

export function ClientAccessPage() {
  return (
    <>
      <PageHeading>Client access</PageHeading>
      <div className="sections">
        <Section title="Break-glass access">
          <p>
            Administrators do not see client data. In an emergency, open one
            record for a limited time; the reason is audited.
          </p>
          <BreakGlassForm />
        </Section>
        <Section title="Erase a client">
          <ErasureForm />
        </Section>
      </div>
    </>
  );
}
