// The Rapport HTTP server: one line per feature.
import Fastify from "fastify";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { AppContext } from "./context.js";
import { installSecurityHeaders } from "./http/securityHeaders.js";
import { installAuthentication } from "./auth/auth.hook.js";
import { SESSION_COOKIE } from "./auth/sessionCookie.js";
import { alertRoutes } from "./alerts/alerts.routes.js";
import { riskEvidenceRoutes } from "./alerts/riskEvidence.routes.js";
import { auditRoutes } from "./audit/audit.routes.js";
import { caseloadRoutes } from "./caseload/caseload.routes.js";
import { checkinRoutes } from "./checkins/checkins.routes.js";
import { checkinPageRoutes } from "./checkins/page/checkinPage.routes.js";
import { authRoutes } from "./auth/auth.routes.js";
import { passwordRoutes } from "./auth/password.routes.js";
import { totpRoutes } from "./auth/totp.routes.js";
import { consentRoutes } from "./consents/consents.routes.js";
import { derivePurposeKey } from "./crypto/envelope.js";
import { subjectAccessRoutes } from "./subjectAccess/subjectAccess.routes.js";
import { clientRoutes } from "./clients/clients.routes.js";
import { episodeRoutes } from "./episodes/episodes.routes.js";
import { goalRoutes } from "./goals/goals.routes.js";
import { healthRoutes } from "./health/health.routes.js";
import { fhirRoutes } from "./fhir/fhir.routes.js";
import { instrumentRoutes } from "./instruments/instruments.routes.js";
import { researchRoutes } from "./research/research.routes.js";
import { responseRoutes } from "./responses/responses.routes.js";
import { installErrorHandling } from "./http/errorHandler.js";
import { trustProxyOption } from "./http/trustProxy.js";
import type { App } from "./http/types.js";
import { validatorCompiler } from "./http/validation.js";
import { loggerOptions } from "./logging.js";
import { memberRoutes } from "./members/members.routes.js";
import { organisationRoutes } from "./organisations/organisations.routes.js";
import { progressRoutes } from "./progress/progress.routes.js";
import { sessionRoutes } from "./sessions/sessions.routes.js";
import { trajectoryRoutes } from "./trajectory/trajectory.routes.js";
import { transcriptRoutes } from "./transcripts/transcripts.routes.js";
import { warningRoutes } from "./warnings/warnings.routes.js";
import { webRoutes } from "./web/web.routes.js";

export interface BuildOptions {
  logger?: boolean;
  /** Where logs go (default stderr); tests read them here. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(
  context: AppContext,
  options: BuildOptions = {},
): Promise<App> {
  const app: App = Fastify({
    logger:
      options.logger === false
        ? false
        : loggerOptions(context.config.logLevel, options.logStream),
    bodyLimit: context.config.bodyLimit,
    trustProxy: trustProxyOption(context.config.trustProxy),
    return503OnClosing: true,
    forceCloseConnections: "idle",
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Every route, for the authorisation matrix test (a route cannot ship without a decision).
  const routes: { method: string; url: string }[] = [];
  app.decorate("registeredRoutes", routes);
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      if (method !== "HEAD") routes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  installErrorHandling(app);

  installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieOpts: {
      path: "/",
      sameSite: "strict",
      httpOnly: true,
      secure: context.config.secureCookies,
    },
    csrfOpts: {
      userInfo: true,
      hmacKey: derivePurposeKey(context.cipher.master, "csrf"),
    },
    getUserInfo: (request) => request.cookies[SESSION_COOKIE] ?? "",
  });
  // Per-address limits on the routes that name them (sign-in, reset); in-memory per server.
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Rapport API",
        version: "0.1.0",
        description: "Alliance-informed care: records, measures, signals.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "rapport_session" },
        },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  installAuthentication(app, context);
  healthRoutes(app, context);
  authRoutes(app, context);
  totpRoutes(app, context);
  passwordRoutes(app, context);
  organisationRoutes(app, context);
  memberRoutes(app, context);
  clientRoutes(app, context);
  caseloadRoutes(app, context);
  episodeRoutes(app, context);
  sessionRoutes(app, context);
  goalRoutes(app, context);
  consentRoutes(app, context);
  subjectAccessRoutes(app, context);
  researchRoutes(app, context);
  auditRoutes(app, context);
  alertRoutes(app, context);
  riskEvidenceRoutes(app, context);
  warningRoutes(app, context);
  trajectoryRoutes(app, context);
  instrumentRoutes(app, context);
  responseRoutes(app, context);
  checkinRoutes(app, context);
  progressRoutes(app, context);
  checkinPageRoutes(app, context);
  await transcriptRoutes(app, context);
  await fhirRoutes(app, context);
  webRoutes(app);
  return app;
}
