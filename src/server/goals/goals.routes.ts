// /api/clients/:id/goals
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { Id, IdParams, LongText } from "../http/schemas.js";
import { changeGoal, createGoal, listGoals } from "./goals.service.js";

const Status = Type.Union([
  Type.Literal("active"),
  Type.Literal("achieved"),
  Type.Literal("dropped"),
]);
export const Goal = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  text: Type.String(),
  status: Status,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const tags = ["goals"];

export function goalRoutes(app: App, context: AppContext): void {
  app.get(
    "/api/clients/:id/goals",
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Goal) }) },
      },
    },
    async (request) => ({
      items: await listGoals(context, actorOf(request), request.params.id),
    }),
  );
  app.post(
    "/api/clients/:id/goals",
    {
      schema: {
        tags,
        params: IdParams,
        body: Type.Object({ text: LongText }, { additionalProperties: false }),
        response: { 201: Goal },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createGoal(
            context,
            actorOf(request),
            request.params.id,
            request.body.text,
          ),
        ),
  );
  app.patch(
    "/api/clients/:id/goals/:goalId",
    {
      schema: {
        tags,
        params: Type.Object(
          { id: Id, goalId: Id },
          { additionalProperties: false },
        ),
        body: Type.Object(
          { text: Type.Optional(LongText), status: Type.Optional(Status) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Goal },
      },
    },
    (request) =>
      changeGoal(
        context,
        actorOf(request),
        request.params.id,
        request.params.goalId,
        request.body,
      ),
  );
}
