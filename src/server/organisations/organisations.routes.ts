// /api/organisation: the caller's own organisation (nothing ever crosses organisations).
import { Type } from "@fastify/type-provider-typebox";
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { ShortText } from "../http/schemas.js";
import { checkinSettingsSchema } from "../checkins/checkinSettings.schema.js";
import { signalSettingsSchema } from "../alerts/signalSettings.schema.js";
import { AppError } from "../errors.js";
import { scheduleRiskWarning } from "../../core/signals/scheduleRisk.js";
import { catalogue, latestOfEach } from "../instruments/instrumentCatalogue.js";
import { findMember } from "../members/members.repository.js";
import { requireAdmin } from "../members/members.service.js";

const Settings = Type.Object(
  {
    requireTotp: Type.Optional(Type.Boolean()),
    crisisInformation: Type.Optional(Type.String({ maxLength: 2_000 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64 })),
    ...checkinSettingsSchema,
    ...signalSettingsSchema,
  },
  { additionalProperties: false },
);
export const Organisation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  settings: Settings,
  createdAt: Type.String(),
  checkinScheduleWarning: Type.Union([Type.String(), Type.Null()], {
    description:
      "Set when no instrument in settings.checkinSchedule declares a risk item (e.g. PHQ-2 or WHO-5 alone): scheduled check-ins can then never raise a risk alert.",
  }),
});

export function organisationRoutes(app: App, context: AppContext): void {
  const load = async (id: string) => {
    const o = await context.db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const settings = JSON.parse(o.settings) as {
      checkinSchedule?: { instrumentId: string }[];
    };
    const packs = latestOfEach(await catalogue(context.db, id)).map(
      (e) => e.pack,
    );
    return {
      id: o.id,
      name: o.name,
      settings: settings as Record<string, unknown>,
      createdAt: o.created_at,
      checkinScheduleWarning: scheduleRiskWarning(
        settings.checkinSchedule ?? [],
        packs,
      ),
    };
  };
  app.get(
    "/api/organisation",
    { schema: { tags: ["organisation"], response: { 200: Organisation } } },
    (request) => load(actorOf(request).organisationId),
  );
  app.patch(
    "/api/organisation",
    {
      schema: {
        tags: ["organisation"],
        body: Type.Object(
          { name: Type.Optional(ShortText), settings: Type.Optional(Settings) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Organisation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireAdmin(actor);
      if (request.body.settings?.requireTotp === true) {
        const me = await findMember(
          context.db,
          actor.organisationId,
          actor.memberId,
        );
        if (me?.totp_enabled !== 1)
          throw new AppError(
            "validation",
            "enrol your own second factor before making it mandatory",
          );
      }
      const current = await load(actor.organisationId);
      await inTransaction(context.db, async (trx) => {
        await trx
          .updateTable("organisations")
          .set({
            name: request.body.name ?? current.name,
            settings: JSON.stringify({
              ...current.settings,
              ...request.body.settings,
            }),
          })
          .where("id", "=", actor.organisationId)
          .execute();
        // Settings include security switches (requireTotp): every change is on record.
        await auditSecurity(context, trx, {
          organisationId: actor.organisationId,
          actorId: actor.memberId,
          subjectId: null,
          action: "organisation.update",
          source: actor.source,
        });
      });
      return load(actor.organisationId);
    },
  );
}
