// /api/instruments: the catalogue (bundled and installed packs), installing, re-scoring, reliability.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import {
  InstrumentDetail,
  InstrumentParams,
  InstrumentSummary,
  InstallQuery,
  PackBody,
  ReliabilityReport,
  RescoreReport,
  VersionQuery,
} from "./instruments.schemas.js";
import {
  getInstrument,
  installPack,
  listInstruments,
  requireRole,
} from "./instruments.service.js";
import { instrumentReliability } from "./reliability.service.js";
import { rescoreInstrument } from "./rescore.service.js";

const tags = ["instruments"];

export function instrumentRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/instruments",
    {
      schema: {
        tags,
        response: {
          200: Type.Object({ items: Type.Array(InstrumentSummary) }),
        },
      },
    },
    async (request) => ({
      items: await listInstruments(context, actorOf(request).organisationId),
    }),
  );
  app.get(
    "/api/instruments/:id",
    {
      schema: {
        tags,
        params: InstrumentParams,
        querystring: VersionQuery,
        response: { 200: InstrumentDetail },
      },
    },
    (request) =>
      getInstrument(
        context,
        actorOf(request).organisationId,
        request.params.id,
        request.query.version,
      ),
  );
  app.post(
    "/api/instruments",
    {
      schema: {
        tags,
        description:
          "Install a pack (administrators). An invalid pack is refused with every problem in error.details.problems. A version that no longer declares a risk item the latest installed version declares is refused (409, error.details.droppedRiskItems) unless confirmDroppedRiskItems=true, which is audited as pack.risk-items-dropped.",
        body: PackBody,
        querystring: InstallQuery,
        response: { 201: InstrumentSummary },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireRole(actor, ["admin"], "install instruments");
      const installed = await installPack(
        context,
        actor.organisationId,
        request.body,
        actor,
        {
          confirmDroppedRiskItems:
            request.query.confirmDroppedRiskItems === true,
        },
      );
      return reply.status(201).send(installed);
    },
  );
  app.post(
    "/api/instruments/:id/rescore",
    {
      schema: {
        tags,
        description:
          "Re-score stored responses with the latest version (administrators); earlier scorings are kept in each response's history.",
        params: InstrumentParams,
        response: { 200: RescoreReport },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireRole(actor, ["admin"], "re-score responses");
      return rescoreInstrument(
        context,
        actor.organisationId,
        request.params.id,
        actor,
      );
    },
  );
  app.get(
    "/api/instruments/:id/reliability",
    {
      schema: {
        tags,
        description:
          "Cronbach's alpha and McDonald's omega on this organisation's own valid responses (supervisors and administrators).",
        params: InstrumentParams,
        response: { 200: ReliabilityReport },
      },
    },
    (request) => {
      const actor = actorOf(request);
      requireRole(actor, ["supervisor", "admin"], "see instrument reliability");
      return instrumentReliability(
        context,
        actor.organisationId,
        request.params.id,
        actor,
      );
    },
  );
}
