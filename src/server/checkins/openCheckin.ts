// What a link opens: the check-in's state, its instruments' packs and the answers saved so far.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { resolvePack } from "../instruments/instrumentCatalogue.js";
import { findCheckinByTokenHash, findDraft } from "./checkins.repository.js";
import { hashLinkToken, looksLikeToken } from "./linkToken.js";

/** Answers keyed by instrument id, then linkId (option positions, before any reversal). */
export type CheckinAnswers = Record<string, Record<string, number>>;

export interface DraftContent {
  answers: CheckinAnswers;
  feedback: string;
}

export type LinkState =
  | { kind: "unknown" }
  | { kind: "expired"; checkin: CheckinTable }
  | { kind: "completed"; checkin: CheckinTable }
  | { kind: "cancelled"; checkin: CheckinTable }
  | { kind: "open"; checkin: CheckinTable };

export async function linkState(
  context: AppContext,
  token: string,
): Promise<LinkState> {
  if (!looksLikeToken(token)) return { kind: "unknown" };
  const checkin = await findCheckinByTokenHash(
    context.db,
    hashLinkToken(token),
  );
  if (!checkin) return { kind: "unknown" };
  if (checkin.status === "completed") return { kind: "completed", checkin };
  if (checkin.status === "cancelled") return { kind: "cancelled", checkin };
  if (checkin.expires_at <= isoNow(context))
    return { kind: "expired", checkin };
  return { kind: "open", checkin };
}

export async function checkinPacks(
  context: AppContext,
  checkin: CheckinTable,
): Promise<Pack[]> {
  const ids = JSON.parse(checkin.instruments) as string[];
  return Promise.all(
    ids.map(
      async (id) =>
        (await resolvePack(context.db, checkin.organisation_id, id)).pack,
    ),
  );
}

export async function loadDraft(
  context: AppContext,
  checkin: CheckinTable,
): Promise<DraftContent> {
  const draft = await findDraft(context.db, checkin.id);
  if (!draft) return { answers: {}, feedback: "" };
  const text = await context.cipher.decrypt(
    context.db,
    checkin.organisation_id,
    checkin.client_id,
    "checkin_drafts.answers",
    draft.answers_enc,
  );
  return JSON.parse(text) as DraftContent;
}
