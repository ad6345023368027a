// /api/clients: the client record, its therapist, transfer and sharing.
import { Type } from "@fastify/type-provider-typebox";
import {
  AGE_BANDS,
  GENDERS,
  type AgeBand as AgeBandValue,
  type Gender as GenderValue,
} from "../../core/research/quasiIdentifiers.js";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams, Page, PageQuery, ShortText } from "../http/schemas.js";
import {
  changeClient,
  createClient,
  getClient,
  listVisibleClients,
  shareClient,
  transferClient,
} from "./clients.service.js";

const ClientStatus = Type.Union([
  Type.Literal("active"),
  Type.Literal("discharged"),
]);
const AgeBand = Type.Union(
  [
    Type.Unsafe<AgeBandValue>({ type: "string", enum: [...AGE_BANDS] }),
    Type.Null(),
  ],
  {
    description:
      "Optional, entered by the therapist; released only k-anonymised in research exports.",
  },
);
const Gender = Type.Union(
  [
    Type.Unsafe<GenderValue>({ type: "string", enum: [...GENDERS] }),
    Type.Null(),
  ],
  {
    description:
      "Optional, entered by the therapist; released only k-anonymised in research exports.",
  },
);

export const Client = Type.Object({
  id: Type.String(),
  name: Type.String(),
  therapistId: Type.String(),
  status: ClientStatus,
  ageBand: AgeBand,
  gender: Gender,
  sharedWith: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const tags = ["clients"];

export function clientRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients",
    {
      schema: {
        tags,
        description:
          "The caller's visible clients. To find a client by name use POST /api/clients/search: names never travel in URLs (they end up in browser history and proxy logs).",
        querystring: Type.Object(
          {
            ...PageQuery.properties,
            status: Type.Optional(ClientStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Client) },
      },
    },
    (request) =>
      listVisibleClients(context, actorOf(request), {
        limit: 50,
        ...request.query,
      }),
  );

  app.post(
    "/api/clients/search",
    {
      schema: {
        tags,
        description:
          "The caller's visible clients with exactly this name (case and spacing aside), found by the name's blind index; the name goes in the body, never the URL.",
        body: Type.Object(
          {
            name: ShortText,
            ...PageQuery.properties,
            status: Type.Optional(ClientStatus),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(Client) },
      },
    },
    (request) =>
      listVisibleClients(context, actorOf(request), {
        limit: 50,
        ...request.body,
      }),
  );

  app.post(
    "/api/clients",
    {
      schema: {
        tags,
        body: Type.Object(
          { name: ShortText, therapistId: Type.Optional(Id) },
          { additionalProperties: false },
        ),
        response: { 201: Client },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createClient(context, actorOf(request), request.body)),
  );

  app.get(
    "/api/clients/:id",
    { schema: { tags, params: IdParams, response: { 200: Client } } },
    (request) => getClient(context, actorOf(request), request.params.id),
  );

  app.patch(
    "/api/clients/:id",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(ShortText),
            status: Type.Optional(ClientStatus),
            ageBand: Type.Optional(AgeBand),
            gender: Type.Optional(Gender),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Client },
      },
    },
    (request) =>
      changeClient(context, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/clients/:id/transfer",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({ therapistId: Id }, { additionalProperties: false }),
        response: { 200: Client },
      },
    },
    (request) =>
      transferClient(
        context,
        actorOf(request),
        request.params.id,
        request.body.therapistId,
      ),
  );

  app.post(
    "/api/clients/:id/shares",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({ memberId: Id }, { additionalProperties: false }),
        response: { 200: Client },
      },
    },
    (request) =>
      shareClient(
        context,
        actorOf(request),
        request.params.id,
        request.body.memberId,
        true,
      ),
  );

  app.delete(
    "/api/clients/:id/shares/:memberId",
    {
      schema: {
        tags,
        params: Type.Object(
          { id: Id, memberId: Id },
          { additionalProperties: false },
        ),
        response: { 200: Client },
      },
    },
    (request) =>
      shareClient(
        context,
        actorOf(request),
        request.params.id,
        request.params.memberId,
        false,
      ),
  );
}
