// The signed-in member, shared with every page.
import { createContext, useContext } from "react";
import type { Me } from "../api/types";

export interface SignedIn {
  me: Me;
  signOut: (everywhere?: boolean) => void;
}

export const SessionContext = createContext<SignedIn | null>(null);

export function useSession(): SignedIn {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}

/** Only therapists change client records; supervisors and break-glass admins read. */
export const canEditClients = (me: Me) => me.role === "therapist";
