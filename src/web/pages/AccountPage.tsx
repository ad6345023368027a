// The member's own account: password, authenticator app, sign-out here or everywhere.
import { useState } from "react";
import { PasswordForm } from "../account/PasswordForm";
import { TotpEnrolment } from "../account/TotpEnrolment";
import { Section } from "../components/Section";
import { PageHeading } from "../components/PageHeading";
import { useSession } from "../components/session";

export function AccountPage({
  enrolmentRequired = false,
}: {
  enrolmentRequired?: boolean;
}) {
  const { me, signOut } = useSession();
  const [totpEnabled, setTotpEnabled] = useState(me.totpEnabled);
  return (
    <>
      <PageHeading>Account</PageHeading>
      <p>
        Signed in as {me.name} ({me.email}).
      </p>
      {enrolmentRequired && !totpEnabled && (
        <p className="notice" role="note">
          Your organisation requires an authenticator app. Set one up to
          continue.
        </p>
      )}
      {enrolmentRequired && totpEnabled && (
        <p className="notice">
          Done. <a href="/">Continue to Rapport</a>.
        </p>
      )}
      <div className="sections">
        <Section title="Authenticator app">
          <TotpEnrolment enabled={totpEnabled} onChange={setTotpEnabled} />
        </Section>
        <Section title="Password">
          <PasswordForm />
        </Section>
        <Section title="Sign out">
          <p>
            Signing out everywhere ends your sessions on every device, this one
            included.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              onClick={() => signOut()}
            >
              Sign out
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => signOut(true)}
            >
              Sign out everywhere
            </button>
          </div>
        </Section>
      </div>
    </>
  );
}
