// Authenticator app: set up (secret and otpauth URI as text), confirm with a code, then show
// the one-time recovery codes; or switch it off with the password.
import { useState } from "react";
import { disableTotp, enableTotp, setupTotp } from "../api/auth";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { useAction } from "../components/useAction";

type Step =
  | { step: "start" }
  | { step: "confirm"; secret: string; uri: string }
  | { step: "recovery"; codes: string[] };

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice">
      <h3>Recovery codes</h3>
      <p>
        The authenticator app is on. Keep these codes somewhere safe: each one
        signs you in once if you lose the app. They are not shown again.
      </p>
      <ul className="codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConfirmStep({
  secret,
  uri,
  onEnabled,
}: {
  secret: string;
  uri: string;
  onEnabled: (codes: string[]) => void;
}) {
  const [code, setCode] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Turn on"
      onSubmit={async () => {
        onEnabled((await enableTotp(code.replace(/\s/g, ""))).recoveryCodes);
        return undefined;
      }}
    >
      <p>
        Add this account to your authenticator app with the secret key or the
        setup address:
      </p>
      <dl className="details">
        <dt>Secret key</dt>
        <dd>
          <code data-testid="totp-secret">{secret}</code>
        </dd>
        <dt>Setup address</dt>
        <dd>
          <code className="wrap">{uri}</code>
        </dd>
      </dl>
      <Field
        label="Code shown by the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
    </ActionForm>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const [password, setPassword] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitClassName="secondary"
      submitLabel="Turn off"
      onSubmit={async () => {
        await disableTotp(password);
        onDisabled();
        return "The authenticator app is off.";
      }}
    >
      <p>The authenticator app is on.</p>
      <Field
        label="Password, to turn it off"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </ActionForm>
  );
}

export function TotpEnrolment({
  enabled,
  onChange,
}: {
  enabled: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const [state, setState] = useState<Step>({ step: "start" });
  const action = useAction();
  switch (state.step) {
    case "recovery":
      return <RecoveryCodes codes={state.codes} />;
    case "confirm":
      return (
        <ConfirmStep
          secret={state.secret}
          uri={state.uri}
          onEnabled={(codes) => {
            setState({ step: "recovery", codes });
            onChange(true);
          }}
        />
      );
    case "start":
      if (enabled) return <DisableForm onDisabled={() => onChange(false)} />;
      return (
        <>
          <p>
            Sign-in asks for a code from an authenticator app as well as your
            password.
          </p>
          <button
            type="button"
            disabled={action.busy}
            onClick={() =>
              action.run(async () => {
                setState({ step: "confirm", ...(await setupTotp()) });
                return undefined;
              })
            }
          >
            Set up an authenticator app
          </button>
          <ActionStatus action={action} />
        </>
      );
  }
}
