// The whole app: who is signed in, and which page the address names.
import { useEffect, useState, type JSX } from "react";
import { fetchMe, logout } from "./api/auth";
import type { Me } from "./api/types";
import { Layout } from "./components/Layout";
import { SessionContext, type SignedIn } from "./components/session";
import { AccountPage } from "./pages/AccountPage";
import { AuditPage } from "./pages/admin/AuditPage";
import { ClientAccessPage } from "./pages/admin/ClientAccessPage";
import { InstrumentsPage } from "./pages/admin/InstrumentsPage";
import { MembersPage } from "./pages/admin/MembersPage";
import { OrganisationPage } from "./pages/admin/OrganisationPage";
import { CaseloadPage } from "./pages/CaseloadPage";
import { ClientPage } from "./pages/ClientPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ResetPasswordPage } from "./pages/ResetPasswordPage";
import { SignInPage } from "./pages/SignInPage";
import { navigate, parseRoute, usePathname, type Route } from "./router";

type Auth =
  | { state: "checking" }
  | { state: "signed-out" }
  | { state: "signed-in"; me: Me };

function adminOnly(me: Me, page: () => JSX.Element) {
  return me.role === "admin" ? page() : <NotFoundPage />;
}

function PageFor({ route, me }: { route: Route; me: Me }) {
  if (me.totpRequired && !me.totpEnabled)
    return <AccountPage enrolmentRequired />;
  switch (route.page) {
    case "home":
      return me.role === "admin" ? <MembersPage /> : <CaseloadPage />;
    case "client":
      return <ClientPage key={route.id} clientId={route.id} />;
    case "account":
      return <AccountPage />;
    case "reset-password":
      return <AccountPage />;
    case "members":
      return adminOnly(me, () => <MembersPage />);
    case "organisation":
      return adminOnly(me, () => <OrganisationPage />);
    case "audit":
      return adminOnly(me, () => <AuditPage />);
    case "client-access":
      return adminOnly(me, () => <ClientAccessPage />);
    case "instruments":
      return adminOnly(me, () => <InstrumentsPage />);
    case "not-found":
      return <NotFoundPage />;
  }
}

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: "checking" });
  const route = parseRoute(usePathname());
  useEffect(() => {
    fetchMe().then(
      (me) => setAuth({ state: "signed-in", me }),
      () => setAuth({ state: "signed-out" }),
    );
  }, []);

  if (auth.state === "checking")
    return (
      <Layout me={null}>
        <p role="status">Loading…</p>
      </Layout>
    );
  if (auth.state === "signed-out")
    return (
      <Layout me={null}>
        {route.page === "reset-password" ? (
          <ResetPasswordPage />
        ) : (
          <SignInPage
            onSignedIn={(me) => setAuth({ state: "signed-in", me })}
          />
        )}
      </Layout>
    );

  const signOut = (everywhere = false) => {
    const done = () => {
      setAuth({ state: "signed-out" });
      navigate("/");
    };
    logout(everywhere).then(done, done);
  };
  const session: SignedIn = { me: auth.me, signOut };
  return (
    <SessionContext.Provider value={session}>
      <Layout me={auth.me} onSignOut={() => signOut()}>
        <PageFor route={route} me={auth.me} />
      </Layout>
    </SessionContext.Provider>
  );
}
