// GET and POST /c/<token>: show the form (resuming the saved answers), save a draft, or take
// the final submission and confirm it.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Pack } from "../../../core/instruments/packSchema.js";
import type { AppContext } from "../../context.js";
import { newId } from "../../ids.js";
import type { CheckinTable } from "../../db/checkinsSchema.js";
import { progressFor } from "../../progress/progress.service.js";
import {
  formErrors,
  parseCheckinForm,
  type CheckinForm,
} from "../checkinForm.js";
import type { CheckinSettings } from "../checkinSettings.js";
import {
  checkinPacks,
  linkState,
  loadDraft,
  type LinkState,
} from "../openCheckin.js";
import { saveDraft } from "../saveDraft.js";
import { submissionOutcome, submitCheckin } from "../submitCheckin.js";
import type { PageRequest } from "./checkinPage.routes.js";
import { formPage, type FormPageInput } from "./formPage.js";
import { crisisSection } from "./layout.js";
import { render, settingsFor, type PageParts } from "./renderPage.js";
import { confirmationPage, messagePage } from "./statusPages.js";
import { translator } from "./messages.js";

type Closed = Exclude<LinkState, { kind: "open" }>;

function closedPage(
  parts: PageParts,
  state: Closed,
  settings: CheckinSettings | null,
  post: boolean,
) {
  switch (state.kind) {
    case "unknown":
      return render(parts, 404, settings, (t) => ({
        title: t("unknownHeading"),
        body: messagePage(t, "unknownHeading"),
      }));
    case "expired":
    case "cancelled":
      return render(parts, 410, settings, (t) => ({
        title: t("expiredHeading"),
        body: messagePage(t, "expiredHeading"),
      }));
    case "completed":
      return render(parts, post ? 409 : 200, settings, (t) => ({
        title: t("usedHeading"),
        body: messagePage(t, "usedHeading"),
      }));
  }
}

function showForm(
  parts: PageParts,
  settings: CheckinSettings,
  status: number,
  input: Omit<FormPageInput, "t" | "action" | "organisationName" | "language">,
) {
  return render(parts, status, settings, (t) => ({
    title: t("title"),
    body: formPage({
      ...input,
      t,
      action: parts.path,
      organisationName: settings.organisationName,
      language: parts.page.language,
    }),
  }));
}

export async function showCheckin(
  context: AppContext,
  page: PageRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const parts = { request, reply, page, path: `/c/${page.token}` };
  const state = await linkState(context, page.token);
  const settings = await settingsFor(
    context,
    state.kind === "unknown" ? null : state.checkin.organisation_id,
  );
  if (state.kind !== "open" || !settings)
    return closedPage(parts, state as Closed, settings, false);
  const packs = await checkinPacks(context, state.checkin);
  const draft = await loadDraft(context, state.checkin);
  return showForm(parts, settings, 200, { packs, draft, errors: new Map() });
}

async function confirm(
  context: AppContext,
  parts: PageParts,
  settings: CheckinSettings,
  checkin: CheckinTable,
  risk: boolean,
) {
  const progress = await progressFor(
    context,
    checkin.organisation_id,
    checkin.client_id,
  );
  return render(parts, 200, settings, (t) => ({
    title: t("thanksHeading"),
    body: confirmationPage(t, {
      risk,
      crisis: crisisSection(t, settings.crisisInformation, "inline"),
      progressUrl: progress ? `${parts.path}/progress` : null,
    }),
  }));
}

async function save(
  context: AppContext,
  parts: PageParts,
  settings: CheckinSettings,
  checkin: CheckinTable,
  packs: Pack[],
  form: CheckinForm,
) {
  await saveDraft(context, checkin, packs, {
    answers: form.answers,
    feedback: form.feedback,
  });
  if (parts.page.wantsJson)
    return parts.reply
      .header("cache-control", "no-store")
      .send({ saved: true });
  const until = new Date(checkin.expires_at).toUTCString();
  return showForm(parts, settings, 200, {
    packs,
    draft: form,
    errors: new Map(),
    notice: {
      kind: "saved",
      text: translator(parts.page.language)("saved", { date: until }),
    },
  });
}

async function submit(
  context: AppContext,
  parts: PageParts,
  settings: CheckinSettings,
  checkin: CheckinTable,
  packs: Pack[],
  form: CheckinForm,
) {
  const errors = formErrors(form.answers, packs);
  if (errors.size > 0) {
    // Nothing entered is lost: the answers so far are saved (and a risk answer alerted) too.
    await saveDraft(context, checkin, packs, {
      answers: form.answers,
      feedback: form.feedback,
    });
    return showForm(parts, settings, 400, { packs, draft: form, errors });
  }
  try {
    const outcome = await submitCheckin(context, checkin, packs, {
      submissionId: form.submissionId || newId(context.clock()),
      answers: form.answers,
      feedback: form.feedback,
    });
    if (outcome.kind === "used")
      return closedPage(parts, { kind: "completed", checkin }, settings, true);
    return confirm(context, parts, settings, checkin, outcome.risk);
  } catch (error) {
    parts.request.log.error({ err: error }, "check-in submission failed");
    const t = translator(parts.page.language);
    return showForm(parts, settings, 503, {
      packs,
      draft: form,
      errors: new Map(),
      notice: { kind: "failed", text: t("notSaved") },
    });
  }
}

export async function handleCheckinPost(
  context: AppContext,
  page: PageRequest,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const parts = { request, reply, page, path: `/c/${page.token}` };
  const state = await linkState(context, page.token);
  const settings = await settingsFor(
    context,
    state.kind === "unknown" ? null : state.checkin.organisation_id,
  );
  if (state.kind === "completed" && settings) {
    const submissionId = parseCheckinForm(page.body, []).submissionId;
    const replay = await submissionOutcome(
      context,
      state.checkin,
      submissionId,
    );
    if (replay?.kind === "stored")
      return confirm(context, parts, settings, state.checkin, replay.risk);
  }
  if (state.kind !== "open" || !settings) {
    if (page.wantsJson)
      return reply
        .status(409)
        .header("cache-control", "no-store")
        .send({ saved: false, state: state.kind });
    return closedPage(parts, state as Closed, settings, true);
  }
  const packs = await checkinPacks(context, state.checkin);
  const form = parseCheckinForm(page.body, packs);
  return form.action === "save"
    ? save(context, parts, settings, state.checkin, packs, form)
    : submit(context, parts, settings, state.checkin, packs, form);
}
