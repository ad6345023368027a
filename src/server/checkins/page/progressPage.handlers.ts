// The client's progress page, from the check-in confirmation (for a short while after the
// submission) or from the personal link the therapist sent; both only while the view is on.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.js";
import { isoNow } from "../../context.js";
import { appendAudit } from "../../audit/audit.repository.js";
import type { ProgressViewTable } from "../../db/checkinsSchema.js";
import { progressPage } from "../../progress/progressPage.js";
import {
  progressByToken,
  progressFor,
} from "../../progress/progress.service.js";
import { progressSeries } from "../../progress/progressSeries.js";
import { linkState } from "../openCheckin.js";
import type { PageRequest } from "./checkinPage.routes.js";
import { render, settingsFor, type PageParts } from "./renderPage.js";
import { markup } from "./html.js";

/** How long after submitting the confirmation's progress link works (a shared tablet moves on). */
export const PROGRESS_AFTER_SUBMIT_MS = 15 * 60_000; // 15 min

async function show(
  context: AppContext,
  parts: PageParts,
  view: ProgressViewTable | undefined,
) {
  if (!view)
    return render(parts, 404, null, (t) => ({
      title: t("progressTitle"),
      body: markup`<h1>${t("progressTitle")}</h1>
        <p>${t("progressUnavailable")}</p>`,
    }));
  const series = await progressSeries(
    context,
    view.organisation_id,
    view.client_id,
    view.show_alliance === 1,
  );
  await appendAudit(context.db, {
    organisationId: view.organisation_id,
    actorId: null,
    clientId: view.client_id,
    action: "progress-view.client-read",
    source: "client",
    at: isoNow(context),
  });
  const settings = await settingsFor(context, view.organisation_id);
  return render(parts, 200, settings, (t) => ({
    title: t("progressTitle"),
    body: progressPage(t, series, parts.page.language),
  }));
}

export async function progressFromCheckin(
  context: AppContext,
  page: PageRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const parts = { request, reply, page, path: `/c/${page.token}/progress` };
  const state = await linkState(context, page.token);
  const recent =
    state.kind === "completed" &&
    state.checkin.completed_at !== null &&
    context.clock().getTime() - new Date(state.checkin.completed_at).getTime() <
      PROGRESS_AFTER_SUBMIT_MS;
  const view = recent
    ? await progressFor(
        context,
        state.checkin.organisation_id,
        state.checkin.client_id,
      )
    : undefined;
  return show(context, parts, view);
}

export async function progressFromLink(
  context: AppContext,
  page: PageRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const parts = { request, reply, page, path: `/p/${page.token}` };
  return show(context, parts, await progressByToken(context, page.token));
}
