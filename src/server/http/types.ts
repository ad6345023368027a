// The Fastify instance type every feature registers its routes on.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Actor } from "../auth/actor.js";
import { AppError } from "../errors.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
  }
}

/** The signed-in actor; the authentication hook has already rejected anonymous requests. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError("unauthenticated", "sign in first");
  return request.actor;
}
