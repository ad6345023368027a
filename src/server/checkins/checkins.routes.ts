// /api/checkins: a therapist creates a check-in, gets a link and QR code, emails it, watches its
// status, and reads a client's check-ins with their feedback.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams } from "../http/schemas.js";
import { InstrumentId } from "../responses/responses.schemas.js";
import {
  checkinStatus,
  createCheckin,
  listCheckins,
  newCheckinLink,
  sendCheckin,
} from "./checkins.service.js";

const tags = ["checkins"];
const CheckinLink = Type.Object({
  id: Type.String(),
  url: Type.String({
    description:
      "The link to give the client; it is not stored and cannot be shown again.",
  }),
  qrSvg: Type.String({ description: "The link as an SVG QR code." }),
  expiresAt: Type.String(),
});
const Checkin = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  instruments: Type.Array(Type.String()),
  status: Type.Union([
    Type.Literal("open"),
    Type.Literal("completed"),
    Type.Literal("expired"),
    Type.Literal("cancelled"),
  ]),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  completedAt: Type.Union([Type.String(), Type.Null()]),
  emailed: Type.Boolean(),
  remindersSent: Type.Integer(),
  responseIds: Type.Array(Type.String()),
  risk: Type.Boolean(),
  feedback: Type.Union([Type.String(), Type.Null()], {
    description:
      "The client's answer to \"Is there anything that would have made today's session better?\"",
  }),
});

export function checkinRoutes(app: App, context: AppContext): void {
  app.post(
    "/api/checkins",
    {
      schema: {
        tags,
        description:
          "Create a check-in for a client (needs their routine-measurement consent). The link expires after RAPPORT_CHECKIN_EXPIRY_HOURS and is used up by the final submission.",
        body: Type.Object(
          {
            clientId: Id,
            sessionId: Type.Optional(Id),
            instruments: Type.Array(InstrumentId, { minItems: 1, maxItems: 6 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CheckinLink },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCheckin(context, actorOf(request), request.body)),
  );
  app.post(
    "/api/checkins/:id/link",
    {
      schema: {
        tags,
        description:
          "A new link (and QR code) to an open check-in, e.g. one the organisation's schedule created.",
        params: IdParams,
        response: { 201: CheckinLink },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await newCheckinLink(context, actorOf(request), request.params.id),
        ),
  );
  app.post(
    "/api/checkins/:id/send",
    {
      schema: {
        tags,
        description:
          "Email a new link to the client through the outbox (retried until sent); reminders go to the same address.",
        params: IdParams,
        body: Type.Object(
          { email: Type.String({ format: "email", maxLength: 254 }) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ queued: Type.Boolean() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await sendCheckin(
            context,
            actorOf(request),
            request.params.id,
            request.body.email,
          ),
        ),
  );
  app.get(
    "/api/checkins/:id",
    {
      schema: {
        tags,
        description:
          "One check-in's status, without answers or feedback (for watching a link just given out).",
        params: IdParams,
        response: {
          200: Type.Object({
            id: Type.String(),
            status: Checkin.properties.status,
            completedAt: Checkin.properties.completedAt,
            expiresAt: Type.String(),
          }),
        },
      },
    },
    async (request) =>
      checkinStatus(context, actorOf(request), request.params.id),
  );
  app.get(
    "/api/clients/:id/checkins",
    {
      schema: {
        tags,
        description:
          "The client's check-ins, newest first, with their state and free-text feedback.",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Checkin) }) },
      },
    },
    async (request) => ({
      items: await listCheckins(context, actorOf(request), request.params.id),
    }),
  );
}
