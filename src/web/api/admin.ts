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

export interface Invitation {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

export const inviteMember = (invitation: Invitation) =>
  api<Member>("POST", "/api/members", invitation);

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

export const listAudit = (after?: number) =>
  api<AuditPage>("GET", `/api/audit${query({ after, limit: 100 })}`);

export const AUDIT_EXPORT_URL = "/api/audit/export";

export const breakGlass = (clientId: string, reason: string) =>
  api<{ expiresAt: string }>(
    "POST",
    `/api/clients/${encodeURIComponent(clientId)}/break-glass`,
    { reason },
  );

export const eraseClient = (clientId: string) =>
  api<null>("DELETE", `/api/clients/${encodeURIComponent(clientId)}`);
