// /api/warnings: what the workspace must show every member as a banner (issue 14, point 7).
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { checkinSettings } from "../checkins/checkinSettings.js";
import { actorOf, type App } from "../http/types.js";
import { countFailingMail } from "../notifications/outbox.repository.js";
import {
  URGENT_MAIL_FAILING,
  URGENT_MAIL_KINDS,
  workspaceWarnings,
} from "./workspaceWarnings.js";

const Warning = Type.Object({
  code: Type.Union([
    Type.Literal("email-off"),
    Type.Literal("urgent-email-failing"),
    Type.Literal("crisis-information-empty"),
  ]),
  message: Type.String(),
});

export function warningRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/warnings",
    {
      schema: {
        tags: ["organisation"],
        description:
          "Problems the workspace shows as a banner: email not configured, urgent-alert emails that keep failing, and (administrators) empty crisis information.",
        response: { 200: Type.Object({ items: Type.Array(Warning) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const since = new Date(
        context.clock().getTime() - URGENT_MAIL_FAILING.withinDays * 86_400_000,
      ).toISOString();
      const [failingUrgentMail, settings] = await Promise.all([
        countFailingMail(
          context.db,
          actor.organisationId,
          URGENT_MAIL_KINDS,
          since,
          URGENT_MAIL_FAILING.minAttempts,
        ),
        checkinSettings(context, context.db, actor.organisationId),
      ]);
      return {
        items: workspaceWarnings(
          {
            emailConfigured: context.mailer.configured,
            failingUrgentMail,
            crisisInformation: settings.crisisInformation,
          },
          actor.role,
        ),
      };
    },
  );
}
