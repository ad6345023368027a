// Check-ins (POST /api/checkins and friends): a link for the client to answer questionnaires,
// with its QR code; emailing it; and the client's past check-ins with their feedback.
import { api } from "./http";

export interface CheckinLink {
  id: string;
  /** Shown once: the server does not store it and cannot show it again. */
  url: string;
  qrSvg: string;
  expiresAt: string;
}

export type CheckinStatus = "open" | "completed" | "expired" | "cancelled";

export interface Checkin {
  id: string;
  clientId: string;
  sessionId: string | null;
  instruments: string[];
  status: CheckinStatus;
  createdAt: string;
  expiresAt: string;
  completedAt: string | null;
  emailed: boolean;
  remindersSent: number;
  responseIds: string[];
  risk: boolean;
  feedback: string | null;
}

export const createCheckin = (input: {
  clientId: string;
  sessionId?: string;
  instruments: string[];
}) => api<CheckinLink>("POST", "/api/checkins", input);

export const emailCheckin = (id: string, email: string) =>
  api<{ queued: boolean }>(
    "POST",
    `/api/checkins/${encodeURIComponent(id)}/send`,
    { email },
  );

/** One check-in's status, without answers or feedback. */
export const getCheckinStatus = (id: string) =>
  api<Pick<Checkin, "id" | "status" | "completedAt" | "expiresAt">>(
    "GET",
    `/api/checkins/${encodeURIComponent(id)}`,
  );

export const listCheckins = (clientId: string) =>
  api<{ items: Checkin[] }>(
    "GET",
    `/api/clients/${encodeURIComponent(clientId)}/checkins`,
  );
