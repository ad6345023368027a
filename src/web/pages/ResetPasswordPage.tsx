// Password reset while signed out: ask for the email link, or (from the link's #token=…) set
// a new password. The token stays in the fragment, so it never reaches a server log.
import { useState } from "react";
import { completePasswordReset, requestPasswordReset } from "../api/auth";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { Link } from "../components/Link";
import { PageHeading } from "../components/PageHeading";
import { useAction } from "../components/useAction";

function RequestForm() {
  const [email, setEmail] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Send a reset link"
      onSubmit={async () => {
        await requestPasswordReset(email.trim());
        return "If the address belongs to an account, a reset link is on its way.";
      }}
    >
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
    </ActionForm>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Set password"
      onSubmit={async () => {
        await completePasswordReset(token, password);
        return "Password set. You can sign in now.";
      }}
    >
      <Field
        label="New password"
        hint="At least 12 characters."
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </ActionForm>
  );
}

export function ResetPasswordPage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  return (
    <div className="narrow">
      <PageHeading>Reset your password</PageHeading>
      {token ? <NewPasswordForm token={token} /> : <RequestForm />}
      <p>
        <Link href="/">Back to sign-in</Link>
      </p>
    </div>
  );
}
