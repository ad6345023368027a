// /fhir/R4: Questionnaire reads and QuestionnaireResponse search, as application/fhir+json;
// errors here (and only here) are OperationOutcomes.
import type { FastifyError } from "fastify";
import { Type } from "@fastify/type-provider-typebox";
import type { AppContext } from "../context.js";
import type { AppError } from "../errors.js";
import { HTTP_STATUS, notFound } from "../errors.js";
import { toAppError } from "../http/errorHandler.js";
import { actorOf, type App } from "../http/types.js";
import {
  InstrumentParams,
  VersionQuery,
} from "../instruments/instruments.schemas.js";
import {
  fhirQuestionnaire,
  searchQuestionnaireResponses,
} from "./fhir.service.js";
import { operationOutcome } from "./operationOutcome.js";

export const FHIR_JSON = "application/fhir+json";
const tags = ["fhir"];
const Resource = (resourceType: string) =>
  Type.Object(
    { resourceType: Type.Literal(resourceType) },
    { additionalProperties: true },
  );

function installOutcomes(fhir: App): void {
  fhir.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return reply
      .status(status)
      .type(FHIR_JSON)
      .send(operationOutcome(appError));
  });
  fhir.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .type(FHIR_JSON)
      .send(
        operationOutcome(notFound(`FHIR ${request.url.split("?")[0] ?? ""}`)),
      ),
  );
}

export async function fhirRoutes(app: App, context: AppContext): Promise<void> {
  await app.register(
    (fhir: App, _options, done) => {
      installOutcomes(fhir);
      fhir.get(
        "/Questionnaire/:id",
        {
          schema: {
            tags,
            description:
              "An instrument as a FHIR R4 Questionnaire with its scoring (ordinalValue, SDC calculatedExpression).",
            params: InstrumentParams,
            querystring: VersionQuery,
            response: { 200: Resource("Questionnaire") },
          },
        },
        async (request, reply) =>
          reply
            .type(FHIR_JSON)
            .send(
              await fhirQuestionnaire(
                context,
                actorOf(request),
                request.params.id,
                request.query.version,
              ),
            ),
      );
      fhir.get(
        "/QuestionnaireResponse",
        {
          schema: {
            tags,
            description:
              "A client's responses as a searchset Bundle; subject is the client id or Patient/<client id>.",
            querystring: Type.Object(
              { subject: Type.String({ minLength: 1, maxLength: 80 }) },
              { additionalProperties: false },
            ),
            response: { 200: Resource("Bundle") },
          },
        },
        async (request, reply) =>
          reply
            .type(FHIR_JSON)
            .send(
              await searchQuestionnaireResponses(
                context,
                actorOf(request),
                request.query.subject,
              ),
            ),
      );
      done();
    },
    { prefix: "/fhir/R4" },
  );
}
