// A client's record: the client itself, episodes, sessions, goals, consents, sharing, transfer.
import { api, query } from "./http";
import type {
  Client,
  ClientStatus,
  Consent,
  ConsentKind,
  Episode,
  Goal,
  GoalStatus,
  Page,
  SessionStatus,
  TherapySession,
} from "./types";

export interface ClientQuery {
  status?: ClientStatus;
  cursor?: string;
  limit?: number;
}

export const listClients = (q: ClientQuery) =>
  api<Page<Client>>("GET", `/api/clients${query({ ...q })}`);

const base = (id: string) => `/api/clients/${encodeURIComponent(id)}`;

export const getClient = (id: string) => api<Client>("GET", base(id));

export const createClient = (name: string) =>
  api<Client>("POST", "/api/clients", { name });

export const transferClient = (id: string, therapistId: string) =>
  api<Client>("POST", `${base(id)}/transfer`, { therapistId });

export const shareClient = (id: string, memberId: string) =>
  api<Client>("POST", `${base(id)}/shares`, { memberId });

export const unshareClient = (id: string, memberId: string) =>
  api<Client>("DELETE", `${base(id)}/shares/${encodeURIComponent(memberId)}`);

export const listEpisodes = (id: string) =>
  api<{ items: Episode[] }>("GET", `${base(id)}/episodes`);

export const openEpisode = (id: string) =>
  api<Episode>("POST", `${base(id)}/episodes`, {});

export const dischargeEpisode = (
  id: string,
  episodeId: string,
  reason: string,
) =>
  api<Episode>(
    "POST",
    `${base(id)}/episodes/${encodeURIComponent(episodeId)}/discharge`,
    reason ? { reason } : {},
  );

export const listSessions = (id: string, cursor?: string) =>
  api<Page<TherapySession>>(
    "GET",
    `${base(id)}/sessions${query({ cursor, limit: 200 })}`,
  );

export const addSession = (
  id: string,
  startsAt: string,
  status: SessionStatus,
) => api<TherapySession>("POST", `${base(id)}/sessions`, { startsAt, status });

export const setSessionStatus = (
  id: string,
  sessionId: string,
  status: SessionStatus,
) =>
  api<TherapySession>(
    "PATCH",
    `${base(id)}/sessions/${encodeURIComponent(sessionId)}`,
    { status },
  );

export const listGoals = (id: string) =>
  api<{ items: Goal[] }>("GET", `${base(id)}/goals`);

export const addGoal = (id: string, text: string) =>
  api<Goal>("POST", `${base(id)}/goals`, { text });

export const setGoalStatus = (id: string, goalId: string, status: GoalStatus) =>
  api<Goal>("PATCH", `${base(id)}/goals/${encodeURIComponent(goalId)}`, {
    status,
  });

export const listConsents = (id: string) =>
  api<{ items: Consent[] }>("GET", `${base(id)}/consents`);

export const recordConsent = (
  id: string,
  kind: ConsentKind,
  granted: boolean,
) =>
  api<{ items: Consent[] }>("POST", `${base(id)}/consents`, { kind, granted });

export const exportUrl = (id: string, format: "json" | "fhir") =>
  `${base(id)}/export${format === "fhir" ? "?format=fhir" : ""}`;

export const updateClient = (
  id: string,
  patch: {
    name?: string;
    status?: ClientStatus;
    ageBand?: Client["ageBand"];
    gender?: Client["gender"];
  },
) => api<Client>("PATCH", base(id), patch);
