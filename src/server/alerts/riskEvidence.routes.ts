// GET /api/alerts/:id/evidence: the dated risk answers a risk alert holds (issue 14), one row per
// answer: when it was given, when it was recorded, and the answer, opened from the client's key.
import { Type } from "@fastify/type-provider-typebox";
import { loadClientFor } from "../access/clientAccess.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { Id } from "../http/schemas.js";
import { actorOf, type App } from "../http/types.js";
import { findAlert } from "./alerts.repository.js";

const Evidence = Type.Object({
  instrumentId: Type.String(),
  linkId: Type.String(),
  answer: Type.Union([Type.Number(), Type.Null()]),
  answeredAt: Type.String({
    description:
      "When the client gave the answer (the response's submittedAt).",
  }),
  recordedAt: Type.String(),
  responseId: Type.Union([Type.String(), Type.Null()], {
    description:
      "Null for a check-in draft's answer and for a response refused as unscorable.",
  }),
});

export function riskEvidenceRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/alerts/:id/evidence",
    {
      schema: {
        tags: ["alerts"],
        description:
          "The risk answers a risk alert holds, oldest answer first (empty for other kinds).",
        params: Type.Object({ id: Id }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Evidence) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = actor.organisationId;
      const alert = await findAlert(context.db, org, request.params.id);
      if (!alert) throw notFound("alert");
      await loadClientFor(context, actor, alert.client_id, "read");
      const rows = await context.db
        .selectFrom("risk_evidence")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("alert_id", "=", alert.id)
        .orderBy("answered_at")
        .execute();
      const items = await Promise.all(
        rows.map(async (r) => ({
          instrumentId: r.instrument_id,
          linkId: r.link_id,
          answer: r.answer_enc
            ? (
                JSON.parse(
                  await context.cipher.decrypt(
                    context.db,
                    org,
                    r.client_id,
                    "risk_evidence.answer",
                    r.answer_enc,
                  ),
                ) as { answer: number }
              ).answer
            : null,
          answeredAt: r.answered_at,
          recordedAt: r.recorded_at,
          responseId: r.response_id,
        })),
      );
      await audit(context, actor, alert.client_id, "alert.evidence");
      return { items };
    },
  );
}
