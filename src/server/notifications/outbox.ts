// The email outbox: a message is queued inside the transaction that decides to send it, so it
// is sent if and only if that transaction commits; a failed send never rolls anything back and
// is retried with exponential backoff. Payloads are encrypted (about a client: under their key;
// otherwise under a key derived from the master key, since they may hold a password-reset or
// invitation link) and emptied once sent.
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import {
  decryptText,
  derivePurposeKey,
  encryptText,
} from "../crypto/envelope.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { OutboxTable } from "../db/checkinsSchema.js";
import type { Mail } from "../mail/mailer.js";
import {
  claimOutbox,
  dueOutbox,
  finishOutbox,
  insertOutbox,
} from "./outbox.repository.js";

export const OUTBOX_MAX_ATTEMPTS = 10;
const BACKOFF_BASE_S = 30;
const BACKOFF_MAX_S = 6 * 3_600; // 6 h

/** Seconds before attempt n+1: 30 s, 1 min, 2 min, … at most 6 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(
    BACKOFF_MAX_S,
    BACKOFF_BASE_S * 2 ** Math.max(0, attempts - 1),
  );
}

export interface QueuedMail {
  organisationId: string;
  /** Set when the message is about a client: its payload is encrypted under their key. */
  clientId: string | null;
  kind: string;
  mail: Mail;
}

const outboxKey = (context: Pick<AppContext, "cipher">) =>
  derivePurposeKey(context.cipher.master, "outbox");

export async function enqueueMail(
  context: Pick<AppContext, "cipher" | "clock">,
  trx: Db,
  queued: QueuedMail,
): Promise<string> {
  const json = JSON.stringify(queued.mail);
  const payload = queued.clientId
    ? await context.cipher.encrypt(
        trx,
        queued.organisationId,
        queued.clientId,
        "outbox.payload",
        json,
      )
    : encryptText(
        outboxKey(context),
        `outbox-${queued.organisationId}`,
        "outbox.payload",
        json,
      );
  const now = isoNow(context);
  const id = newId(now);
  await insertOutbox(trx, {
    id,
    organisation_id: queued.organisationId,
    client_id: queued.clientId,
    kind: queued.kind,
    payload,
    status: "pending",
    attempts: 0,
    next_attempt_at: now,
    last_error: null,
    created_at: now,
    sent_at: null,
  });
  return id;
}

async function mailOf(context: AppContext, row: OutboxTable): Promise<Mail> {
  const json = row.client_id
    ? await context.cipher.decrypt(
        context.db,
        row.organisation_id,
        row.client_id,
        "outbox.payload",
        row.payload,
      )
    : row.payload.startsWith("{")
      ? row.payload // queued in clear before payloads without a client were sealed
      : decryptText(outboxKey(context), row.payload, "outbox.payload");
  return JSON.parse(json) as Mail;
}

async function deliverOne(
  context: AppContext,
  row: OutboxTable,
): Promise<boolean> {
  const now = context.clock();
  const retryAt = new Date(
    now.getTime() + backoffSeconds(row.attempts + 1) * 1000,
  );
  if (
    !(await claimOutbox(
      context.db,
      row,
      now.toISOString(),
      retryAt.toISOString(),
    ))
  )
    return false;
  try {
    await context.mailer.send(await mailOf(context, row));
    await finishOutbox(context.db, row.id, {
      status: "sent",
      payload: "",
      sent_at: isoNow(context),
      last_error: null,
    });
    return true;
  } catch (error) {
    const last = row.attempts + 1 >= OUTBOX_MAX_ATTEMPTS;
    await finishOutbox(context.db, row.id, {
      status: last ? "failed" : "pending",
      last_error: (error as Error).message.slice(0, 500),
    });
    context.log?.warn(
      { outbox: row.id, kind: row.kind, attempt: row.attempts + 1 },
      "email not sent; will retry",
    );
    return false;
  }
}

/** Sends every due message once; returns how many went out. */
export async function deliverOutbox(
  context: AppContext,
  limit = 50,
): Promise<number> {
  const rows = await dueOutbox(context.db, isoNow(context), limit);
  let sent = 0;
  for (const row of rows) if (await deliverOne(context, row)) sent += 1;
  return sent;
}

/** After a commit that queued mail: try at once, without making the caller wait or fail. */
export function deliverSoon(context: AppContext): void {
  setImmediate(() => {
    deliverOutbox(context).catch((error: unknown) =>
      context.log?.error({ err: error }, "outbox delivery failed"),
    );
  });
}
