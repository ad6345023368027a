// TOTP enrolment, verification at sign-in, and removal.
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import { findMember, updateMember } from "../members/members.repository.js";
import { verifyPassword } from "./password.js";
import { markSecondFactor } from "./sessions.repository.js";
import {
  checkCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  requireTotpSecret,
  sealSecret,
  useRecoveryCode,
} from "./totp.js";

const Code = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 20 }) },
  { additionalProperties: false },
);

export function totpRoutes(app: App, context: AppContext): void {
  const tags = ["auth"];
  const member = async (organisationId: string, id: string) => {
    const m = await findMember(context.db, organisationId, id);
    if (!m) throw new AppError("unauthenticated", "sign in first");
    return m;
  };

  app.post(
    "/api/auth/totp/setup",
    {
      schema: {
        tags,
        response: {
          200: Type.Object({ secret: Type.String(), uri: Type.String() }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const m = await member(actor.organisationId, actor.memberId);
      if (m.totp_enabled === 1)
        throw new AppError(
          "conflict",
          "a second factor is already enrolled; remove it first",
        );
      const { secret, uri } = newTotpSecret(m.email);
      await updateMember(context.db, actor.organisationId, m.id, {
        totp_secret_enc: sealSecret(context, m.id, secret),
      });
      return { secret, uri };
    },
  );

  app.post(
    "/api/auth/totp/enable",
    {
      schema: {
        tags,
        body: Code,
        response: {
          200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const m = await member(actor.organisationId, actor.memberId);
      if (
        !(await checkCode(
          openSecret(context, requireTotpSecret(m)),
          request.body.code,
          context.clock(),
        ))
      )
        throw new AppError(
          "validation",
          "that code is not right; check your device's clock",
        );
      const { codes, stored } = newRecoveryCodes();
      await updateMember(context.db, actor.organisationId, m.id, {
        totp_enabled: 1,
        recovery_codes: stored,
      });
      return { recoveryCodes: codes };
    },
  );

  app.post(
    "/api/auth/totp/verify",
    {
      schema: { tags, body: Code, response: { 200: Ok } },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request) => {
      const actor = actorOf(request);
      const m = await member(actor.organisationId, actor.memberId);
      const code = request.body.code.trim();
      const secret = openSecret(context, requireTotpSecret(m));
      if (!(await checkCode(secret, code, context.clock()))) {
        const remaining = useRecoveryCode(m.recovery_codes, code);
        if (remaining === null)
          throw new AppError("unauthenticated", "that code is not right");
        await updateMember(context.db, actor.organisationId, m.id, {
          recovery_codes: remaining,
        });
      }
      if (actor.sessionHash)
        await markSecondFactor(context.db, actor.sessionHash);
      return { ok: true };
    },
  );

  app.post(
    "/api/auth/totp/disable",
    {
      schema: {
        tags,
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 1_024 }) },
          { additionalProperties: false },
        ),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const m = await member(actor.organisationId, actor.memberId);
      if (!(await verifyPassword(m.password_hash, request.body.password)))
        throw new AppError("unauthenticated", "password is wrong");
      await updateMember(context.db, actor.organisationId, m.id, {
        totp_enabled: 0,
        totp_secret_enc: null,
        recovery_codes: null,
      });
      return { ok: true };
    },
  );
}
