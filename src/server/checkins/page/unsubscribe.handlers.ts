// /c/<token>/unsubscribe: GET asks (mail scanners fetch links), POST stops the emails. Any link
// the client was sent works, even after the check-in is done or expired.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.js";
import { inTransaction, isoNow } from "../../context.js";
import { appendAudit } from "../../audit/audit.repository.js";
import { insertUnsubscribe } from "../checkins.repository.js";
import { linkState } from "../openCheckin.js";
import type { PageRequest } from "./checkinPage.routes.js";
import { render, settingsFor } from "./renderPage.js";
import { messagePage, unsubscribePage } from "./statusPages.js";

export async function unsubscribe(
  context: AppContext,
  page: PageRequest,
  post: boolean,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const path = `/c/${page.token}/unsubscribe`;
  const parts = { request, reply, page, path };
  const state = await linkState(context, page.token);
  if (state.kind === "unknown")
    return render(parts, 404, null, (t) => ({
      title: t("unknownHeading"),
      body: messagePage(t, "unknownHeading"),
    }));
  const { checkin } = state;
  const settings = await settingsFor(context, checkin.organisation_id);
  if (post)
    await inTransaction(context.db, async (trx) => {
      const at = isoNow(context);
      await insertUnsubscribe(
        trx,
        checkin.organisation_id,
        checkin.client_id,
        at,
      );
      await appendAudit(trx, {
        organisationId: checkin.organisation_id,
        actorId: null,
        clientId: checkin.client_id,
        action: "checkin.unsubscribe",
        source: "client",
        at,
      });
    });
  return render(parts, 200, settings, (t) => ({
    title: t("unsubscribeHeading"),
    body: unsubscribePage(t, {
      action: path,
      organisationName: settings?.organisationName ?? "",
      done: post,
      language: page.language,
    }),
  }));
}
