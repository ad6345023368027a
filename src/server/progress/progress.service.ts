// The client progress view: the therapist turns it on per client (alliance ratings only when
// chosen for that client) and may hand out a personal, revocable link.
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { appendAudit } from "../audit/audit.repository.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction, isoNow } from "../context.js";
import type { ProgressViewTable } from "../db/checkinsSchema.js";
import { AppError } from "../errors.js";
import {
  hashLinkToken,
  looksLikeToken,
  newLinkToken,
} from "../checkins/linkToken.js";
import {
  findProgressView,
  findProgressViewByToken,
  saveProgressView,
} from "./progress.repository.js";

export interface ProgressSettings {
  enabled: boolean;
  showAlliance: boolean;
  hasLink: boolean;
}

function view(row: ProgressViewTable | undefined): ProgressSettings {
  return {
    enabled: row?.enabled === 1,
    showAlliance: row?.show_alliance === 1,
    hasLink: !!row?.token_hash,
  };
}

export async function getProgressSettings(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<ProgressSettings> {
  await loadClientFor(context, actor, clientId, "read");
  await audit(context, actor, clientId, "progress-view.read");
  return view(
    await findProgressView(context.db, actor.organisationId, clientId),
  );
}

async function change(
  context: AppContext,
  actor: Actor,
  clientId: string,
  action: string,
  patch: (row: ProgressViewTable) => ProgressViewTable,
): Promise<ProgressViewTable> {
  const org = actor.organisationId;
  await loadClientFor(context, actor, clientId, "write");
  return inTransaction(context.db, async (trx) => {
    const at = isoNow(context);
    const current = (await findProgressView(trx, org, clientId)) ?? {
      organisation_id: org,
      client_id: clientId,
      enabled: 0,
      show_alliance: 0,
      token_hash: null,
      updated_by: actor.memberId,
      updated_at: at,
    };
    const next = {
      ...patch(current),
      updated_by: actor.memberId,
      updated_at: at,
    };
    await saveProgressView(trx, next);
    await appendAudit(trx, {
      organisationId: org,
      actorId: actor.memberId,
      clientId,
      action,
      source: actor.source,
      at,
    });
    return next;
  });
}

export async function setProgressSettings(
  context: AppContext,
  actor: Actor,
  clientId: string,
  input: { enabled: boolean; showAlliance: boolean },
): Promise<ProgressSettings> {
  const row = await change(
    context,
    actor,
    clientId,
    "progress-view.update",
    (r) => ({
      ...r,
      enabled: input.enabled ? 1 : 0,
      show_alliance: input.showAlliance ? 1 : 0,
      // Turning the view off revokes the personal link too.
      token_hash: input.enabled ? r.token_hash : null,
    }),
  );
  return view(row);
}

/** A new personal link; any earlier one stops working. */
export async function newProgressLink(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<{ url: string }> {
  const token = newLinkToken();
  await change(context, actor, clientId, "progress-view.link", (r) => {
    if (r.enabled !== 1)
      throw new AppError(
        "conflict",
        "turn the progress view on for this client first",
      );
    return { ...r, token_hash: hashLinkToken(token) };
  });
  return { url: `${context.config.publicUrl}/p/${token}` };
}

export async function revokeProgressLink(
  context: AppContext,
  actor: Actor,
  clientId: string,
): Promise<ProgressSettings> {
  return view(
    await change(context, actor, clientId, "progress-view.revoke", (r) => ({
      ...r,
      token_hash: null,
    })),
  );
}

/** The client a personal progress link shows, while the view is on and the link not revoked. */
export async function progressByToken(
  context: AppContext,
  token: string,
): Promise<ProgressViewTable | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await findProgressViewByToken(context.db, hashLinkToken(token));
  return row?.enabled === 1 ? row : undefined;
}

export async function progressFor(
  context: AppContext,
  organisationId: string,
  clientId: string,
): Promise<ProgressViewTable | undefined> {
  const row = await findProgressView(context.db, organisationId, clientId);
  return row?.enabled === 1 ? row : undefined;
}
