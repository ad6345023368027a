// Change the password (the server signs out the member's other sessions).
import { useState } from "react";
import { changePassword } from "../api/auth";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { useAction } from "../components/useAction";

export function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Change password"
      onSubmit={async () => {
        await changePassword(current, next);
        setCurrent("");
        setNext("");
        return "Password changed.";
      }}
    >
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Field
        label="New password"
        hint="At least 12 characters."
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
    </ActionForm>
  );
}
