// Sign-in at `/`: email and password, then the authenticator code when the account has one.
import { useState } from "react";
import { fetchMe, login, verifyTotp } from "../api/auth";
import { ApiError } from "../api/http";
import type { Me } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { Link } from "../components/Link";
import { PageHeading } from "../components/PageHeading";
import { useAction } from "../components/useAction";

interface Props {
  onSignedIn: (me: Me) => void;
}

function PasswordStep({ onDone }: { onDone: (me: Me | null) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Sign in"
      onSubmit={async () => {
        const result = await login(email, password);
        onDone(result.secondFactorRequired ? null : result.me);
        return undefined;
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
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </ActionForm>
  );
}

function CodeStep({
  onDone,
  onSessionEnded,
}: {
  onDone: (me: Me) => void;
  onSessionEnded: (message: string) => void;
}) {
  const [code, setCode] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Verify"
      onSubmit={async () => {
        try {
          await verifyTotp(code.replace(/\s/g, ""));
        } catch (error) {
          // Too many wrong codes end the pending sign-in: start again from the password.
          if (error instanceof ApiError && error.detail("sessionEnded"))
            onSessionEnded(error.message);
          throw error;
        }
        onDone(await fetchMe());
        return undefined;
      }}
    >
      <Field
        label="Code from your authenticator app"
        hint="Six digits, or one of your recovery codes."
        autoComplete="one-time-code"
        inputMode="text"
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
    </ActionForm>
  );
}

export function SignInPage({ onSignedIn }: Props) {
  const [step, setStep] = useState<"password" | "code">("password");
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="narrow">
      <PageHeading>Sign in</PageHeading>
      {notice && <p role="alert">{notice}</p>}
      {step === "password" ? (
        <PasswordStep
          onDone={(me) => {
            setNotice(null);
            if (me) onSignedIn(me);
            else setStep("code");
          }}
        />
      ) : (
        <CodeStep
          onDone={onSignedIn}
          onSessionEnded={(message) => {
            setNotice(message);
            setStep("password");
          }}
        />
      )}
      <p>
        <Link href="/reset-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
