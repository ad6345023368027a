// Shared request/response schemas (TypeBox), reused by every feature and the OpenAPI document.
import { Type, type TSchema } from "@fastify/type-provider-typebox";

export const Id = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: "^[A-Za-z0-9-]+$",
});
export const IsoDateTime = Type.String({ format: "date-time", maxLength: 40 });
export const ShortText = Type.String({ minLength: 1, maxLength: 200 });
export const LongText = Type.String({ minLength: 1, maxLength: 10_000 });

export const IdParams = Type.Object(
  { id: Id },
  { additionalProperties: false },
);

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    ),
    cursor: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export function Page<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    next: Type.Union([Type.String(), Type.Null()]),
  });
}

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

export const Ok = Type.Object({ ok: Type.Boolean() });
