// Renders a client page in the organisation's frame (its crisis information) and sends it.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context.js";
import { checkinSettings, type CheckinSettings } from "../checkinSettings.js";
import type { Html } from "./html.js";
import { layout } from "./layout.js";
import { translator, type Translate } from "./messages.js";
import type { PageRequest } from "./checkinPage.routes.js";
import { sendPage } from "./sendPage.js";

export interface PageParts {
  request: FastifyRequest;
  reply: FastifyReply;
  page: PageRequest;
  path: string;
}

export function settingsFor(
  context: AppContext,
  organisationId: string | null,
): Promise<CheckinSettings | null> {
  return organisationId
    ? checkinSettings(context, context.db, organisationId)
    : Promise.resolve(null);
}

export function render(
  parts: PageParts,
  status: number,
  settings: CheckinSettings | null,
  content: (t: Translate) => { title: string; body: Html },
): FastifyReply {
  const t = translator(parts.page.language);
  const { title, body } = content(t);
  return sendPage(
    parts.request,
    parts.reply,
    status,
    layout({
      language: parts.page.language,
      title,
      crisisInformation: settings?.crisisInformation ?? null,
      path: parts.path,
      body,
    }),
  );
}
