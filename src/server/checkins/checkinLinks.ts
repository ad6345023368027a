// Creating check-ins and handing out links to them. A check-in may have several links (copied,
// QR code, email, reminder); all open the same check-in until it is submitted or expires.
import QRCode from "qrcode";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { CheckinTable } from "../db/checkinsSchema.js";
import { AppError } from "../errors.js";
import { resolvePack } from "../instruments/instrumentCatalogue.js";
import { insertCheckin, insertLink } from "./checkins.repository.js";
import { hashLinkToken, newLinkToken } from "./linkToken.js";

export type LinkChannel = "link" | "email" | "reminder";

export interface NewCheckin {
  organisationId: string;
  clientId: string;
  sessionId: string | null;
  instruments: string[];
  createdBy: string | null;
}

/** Stores a check-in (inside the caller's transaction); instruments must be known. */
export async function insertNewCheckin(
  context: AppContext,
  trx: Db,
  input: NewCheckin,
): Promise<CheckinTable> {
  const instruments = [...new Set(input.instruments)];
  for (const id of instruments)
    await resolvePack(trx, input.organisationId, id);
  const now = context.clock();
  const row: CheckinTable = {
    id: newId(now),
    organisation_id: input.organisationId,
    client_id: input.clientId,
    session_id: input.sessionId,
    instruments: JSON.stringify(instruments),
    status: "open",
    created_by: input.createdBy,
    created_at: now.toISOString(),
    expires_at: new Date(
      now.getTime() + context.config.checkin.expiryHours * 3_600_000,
    ).toISOString(),
    completed_at: null,
    feedback_enc: null,
    email_enc: null,
    last_sent_at: null,
    reminders_sent: 0,
  };
  await insertCheckin(trx, row);
  return row;
}

export function checkinUrl(context: AppContext, token: string): string {
  return `${context.config.publicUrl}/c/${token}`;
}

/** Mints a new link to an open check-in; returns its URL (the token exists nowhere else). */
export async function mintLink(
  context: AppContext,
  trx: Db,
  checkin: CheckinTable,
  channel: LinkChannel,
): Promise<string> {
  if (checkin.status !== "open" || checkin.expires_at <= isoNow(context))
    throw new AppError("conflict", "the check-in is no longer open", {
      status: checkin.status,
      expiresAt: checkin.expires_at,
    });
  const token = newLinkToken();
  await insertLink(trx, {
    token_hash: hashLinkToken(token),
    checkin_id: checkin.id,
    organisation_id: checkin.organisation_id,
    channel,
    created_at: isoNow(context),
  });
  return checkinUrl(context, token);
}

/** The link as an SVG QR code, for a client to scan in the room. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
  });
}
