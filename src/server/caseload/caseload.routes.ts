// /api/caseload: the caller's clients ordered by the attention they need.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Page } from "../http/schemas.js";
import { EpisodeOutcome } from "../episodes/episodeOutcome.schema.js";
import { caseload } from "./caseload.service.js";

const ClientStatus = Type.Union([
  Type.Literal("active"),
  Type.Literal("discharged"),
]);
const Score = Type.Union([
  Type.Object({
    instrumentId: Type.String(),
    total: Type.Number(),
    band: Type.Union([Type.String(), Type.Null()]),
    at: Type.String(),
    trend: Type.Array(Type.Number(), {
      description: "The last totals of this instrument, oldest first.",
    }),
    validated: Type.Boolean(),
  }),
  Type.Null(),
]);
const CaseloadItem = Type.Object({
  clientId: Type.String(),
  name: Type.String(),
  therapistId: Type.String(),
  status: ClientStatus,
  attention: Type.Union([
    Type.Object({
      alertId: Type.String(),
      kind: Type.String(),
      reason: Type.String({ description: 'In words, e.g. "Risk answer".' }),
      severity: Type.String(),
      explanation: Type.String(),
      since: Type.String({ description: "When the alert was raised." }),
      status: Type.Union([Type.Literal("open"), Type.Literal("acknowledged")], {
        description: "An acknowledged alert stays here until it is resolved.",
      }),
      waitingMinutes: Type.Union([Type.Integer(), Type.Null()], {
        description:
          "Whole minutes since the alert was raised, while nobody has acknowledged it (server clock); null once acknowledged.",
      }),
      acknowledged: Type.Union([
        Type.Object({
          by: Type.String(),
          byName: Type.Union([Type.String(), Type.Null()]),
          at: Type.String(),
        }),
        Type.Null(),
      ]),
    }),
    Type.Null(),
  ]),
  openAlerts: Type.Integer({
    description: "Alerts not yet resolved, acknowledged ones included.",
  }),
  alliance: Score,
  outcome: Score,
  episodeOutcome: EpisodeOutcome,
});

export function caseloadRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/caseload",
    {
      schema: {
        tags: ["clients"],
        description:
          "The caller's visible clients (supervisors: their supervisees'), most in need of attention first: the top unresolved alert in words (acknowledged ones stay until resolved, with who and when; an unacknowledged one with how long it has waited), then the latest alliance and outcome scores with a short trend. There is no name filter: names never travel in URLs (the web app filters a caseload in the browser; POST /api/clients/search finds an exact name).",
        querystring: Type.Object(
          {
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            ),
            cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,9}$" })),
            status: Type.Optional(ClientStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(CaseloadItem) },
      },
    },
    (request) =>
      caseload(context, actorOf(request), { limit: 50, ...request.query }),
  );
}
