// The page frame: skip link, banner with navigation by role, and the main landmark.
import type { ReactNode } from "react";
import type { Me } from "../api/types";
import { usePathname } from "../router";
import { Link } from "./Link";
import { WarningsBanner } from "./WarningsBanner";

interface NavItem {
  href: string;
  label: string;
}

function navFor(me: Me): NavItem[] {
  const account = { href: "/account", label: "Account" };
  if (me.role === "admin")
    return [
      { href: "/admin/members", label: "Members" },
      { href: "/admin/organisation", label: "Organisation" },
      { href: "/admin/audit", label: "Audit log" },
      { href: "/admin/client-access", label: "Client access" },
      { href: "/admin/instruments", label: "Instrument packs" },
      account,
    ];
  return [{ href: "/", label: "Caseload" }, account];
}

function Navigation({ me }: { me: Me }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul>
        {navFor(me).map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={pathname === item.href ? "page" : undefined}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

interface LayoutProps {
  me: Me | null;
  onSignOut?: () => void;
  children: ReactNode;
}

export function Layout({ me, onSignOut, children }: LayoutProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="banner">
        <span className="brand">Rapport</span>
        {me && <Navigation me={me} />}
        {me && (
          <div className="who">
            <span>
              {me.name} ({me.role})
            </span>
            <button type="button" className="secondary" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {me && <WarningsBanner />}
        {children}
      </main>
    </>
  );
}
