// The client's sessions, newest first, loaded once by the client page and shared with every
// section that lists or picks a session; reload() after adding or changing one keeps them in step.
import { listSessions } from "../api/clients";
import type { TherapySession } from "../api/types";
import { useLoad, type Loaded } from "../components/useLoad";

export type ClientSessions = Loaded<TherapySession[]>;

async function loadSessions(clientId: string): Promise<TherapySession[]> {
  const page = await listSessions(clientId);
  return [...page.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}

export function useClientSessions(clientId: string): ClientSessions {
  return useLoad(() => loadSessions(clientId), clientId);
}
