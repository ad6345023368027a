// TOTP enrolment, verification at sign-in, and removal.
import { Type } from "@fastify/type-provider-typebox";
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { inTransaction } from "../context.js";
import { AppError } from "../errors.js";
import { actorOf, type App } from "../http/types.js";
import { Ok } from "../http/schemas.js";
import { findMember, updateMember } from "../members/members.repository.js";
import { confirmPassword } from "./auth.service.js";
import { verifySecondFactor } from "./secondFactor.service.js";
import { setSessionCookie } from "./sessionCookie.js";
import {
  checkCode,
  newRecoveryCodes,
  newTotpSecret,
  openSecret,
  requireTotpSecret,
  sealSecret,
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
      if (m.totp_enabled === 1)
        throw new AppError("conflict", "a second factor is already enrolled");
      const step = await checkCode(
        openSecret(context, requireTotpSecret(m)),
        request.body.code,
        context.clock(),
        null,
      );
      if (step === null)
        throw new AppError(
          "validation",
          "that code is not right; check your device's clock",
        );
      const { codes, stored } = newRecoveryCodes();
      await inTransaction(context.db, async (trx) => {
        await updateMember(trx, actor.organisationId, m.id, {
          totp_enabled: 1,
          recovery_codes: stored,
          totp_last_step: step, // the enrolment code cannot sign in afterwards
        });
        await auditSecurity(context, trx, {
          organisationId: actor.organisationId,
          actorId: actor.memberId,
          subjectId: actor.memberId,
          action: "totp.enable",
          source: actor.source,
        });
      });
      return { recoveryCodes: codes };
    },
  );

  app.post(
    "/api/auth/totp/verify",
    {
      schema: {
        tags,
        description:
          "The second step of sign-in. A right code ends the pending session and starts a new one (a new cookie, and the CSRF token bound to it).",
        body: Code,
        response: {
          200: Type.Object({ ok: Type.Boolean(), csrfToken: Type.String() }),
        },
      },
      // Per address here; per account and per pending session in the service.
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = await verifySecondFactor(
        context,
        actor.sessionHash,
        request.body.code,
        actor.source,
      );
      const csrfToken = setSessionCookie(request, reply, context.config, token);
      return { ok: true, csrfToken };
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
      await confirmPassword(context, m, request.body.password);
      await inTransaction(context.db, async (trx) => {
        await updateMember(trx, actor.organisationId, m.id, {
          totp_enabled: 0,
          totp_secret_enc: null,
          recovery_codes: null,
          totp_last_step: null,
        });
        await auditSecurity(context, trx, {
          organisationId: actor.organisationId,
          actorId: actor.memberId,
          subjectId: actor.memberId,
          action: "totp.disable",
          source: actor.source,
        });
      });
      return { ok: true };
    },
  );
}
