// Administration: members, supervision, organisation settings, audit log, break-glass, erasure.
import { api, query } from "./http";
import type {
  AuditPage,
  Member,
  Organisation,
  OrganisationSettings,
  Page,
  Role,
} from "./types";

export const listMembers = (q: { role?: Role; cursor?: string } = {}) =>
  api<Page<Member>>("GET", `/api/members${query({ ...q, limit: 200 })}`);

/** Every member (following `next` cursors), e.g. to name therapists in a list. */
export async function allMembers(role?: Role): Promise<Member[]> {
  const members: Member[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers(role ? { role, cursor } : { cursor });
    members.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor);
  return members;
}

/** Nobody sets another member's password: the member gets an email link to choose their own. */
export interface Invitation {
  email: string;
  name: string;
  role: Role;
}

export const inviteMember = (invitation: Invitation) =>
  api<Member>("POST", "/api/members", invitation);

/** Emails the member a new one-time link to set their password. */
export const sendPasswordLink = (id: string) =>
  api<{ ok: boolean }>(
    "POST",
    `/api/members/${encodeURIComponent(id)}/password-link`,
  );

export const setMemberActive = (id: string, active: boolean) =>
  api<Member>("PATCH", `/api/members/${encodeURIComponent(id)}`, { active });

export const setSupervisees = (id: string, therapistIds: string[]) =>
  api<Member>("PUT", `/api/members/${encodeURIComponent(id)}/supervisees`, {
    therapistIds,
  });

export const transferCaseload = (id: string, toTherapistId: string) =>
  api<{ transferred: number }>(
    "POST",
    `/api/members/${encodeURIComponent(id)}/transfer-caseload`,
    { toTherapistId },
  );

export const getOrganisation = () =>
  api<Organisation>("GET", "/api/organisation");

export const updateOrganisation = (patch: {
  name?: string;
  settings?: OrganisationSettings;
}) => api<Organisation>("PATCH", "/api/organisation", patch);

export interface AuditFilter {
  action?: string;
  actorId?: string;
  subjectId?: string;
  clientId?: string;
  /** ISO date-times (UTC), inclusive. */
  from?: string;
  to?: string;
}

export const listAudit = (filter: AuditFilter, after?: number) =>
  api<AuditPage>("GET", `/api/audit${query({ ...filter, after, limit: 100 })}`);

/** The filtered log as CSV (ids and actions only: no names travel in the URL). */
export const auditExportUrl = (filter: AuditFilter) =>
  `/api/audit/export${query({ ...filter })}`;

export const breakGlass = (clientId: string, reason: string) =>
  api<{ expiresAt: string }>(
    "POST",
    `/api/clients/${encodeURIComponent(clientId)}/break-glass`,
    { reason },
  );

export const eraseClient = (clientId: string) =>
  api<null>("DELETE", `/api/clients/${encodeURIComponent(clientId)}`);
