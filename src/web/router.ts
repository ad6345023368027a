// Client-side routes as values: parsed from and printed to the address bar (History API).
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "home" }
  | { page: "client"; id: string }
  | { page: "account" }
  | { page: "reset-password" }
  | { page: "members" }
  | { page: "organisation" }
  | { page: "audit" }
  | { page: "client-access" }
  | { page: "instruments" }
  | { page: "not-found" };

const ADMIN_PAGES: Record<string, Route> = {
  "/admin/members": { page: "members" },
  "/admin/organisation": { page: "organisation" },
  "/admin/audit": { page: "audit" },
  "/admin/client-access": { page: "client-access" },
  "/admin/instruments": { page: "instruments" },
};

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return { page: "home" };
  if (path === "/account") return { page: "account" };
  if (path === "/reset-password") return { page: "reset-password" };
  const client = /^\/clients\/([A-Za-z0-9-]+)$/.exec(path);
  if (client?.[1]) return { page: "client", id: client[1] };
  return ADMIN_PAGES[path] ?? { page: "not-found" };
}

export const clientHref = (id: string) => `/clients/${encodeURIComponent(id)}`;

const NAVIGATE = "rapport:navigate";

export function navigate(href: string): void {
  window.history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATE));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

/** The current path; components re-render when it changes. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
