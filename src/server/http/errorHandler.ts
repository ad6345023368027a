// Maps every failure to one body shape: {"error":{"code","message","details"}}.
import type { FastifyError, FastifyInstance } from "fastify";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from "../db/unavailable.js";
import {
  AppError,
  HTTP_STATUS,
  type ErrorBody,
  type ErrorCode,
} from "../errors.js";

const INTERNAL = new AppError("internal", "internal error");

function fromFastify(error: FastifyError): AppError {
  if (isDatabaseUnavailable(error))
    return new AppError(
      "unavailable",
      "the database is unavailable; try again shortly",
      { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
    );
  if (error.validation) {
    return new AppError(
      "validation",
      `invalid request: ${error.message}`,
      error.validation.map((v) => ({
        path: v.instancePath || undefined,
        message: v.message,
        params: v.params,
      })),
    );
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", "request body is too large");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError(
        "validation",
        `unsupported content type: ${error.message}`,
      );
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new AppError("validation", "request body is not valid JSON");
    default:
      break;
  }
  if (error.statusCode === 401)
    return new AppError("unauthenticated", error.message);
  if (error.statusCode === 403) return new AppError("forbidden", error.message);
  if (error.statusCode === 429)
    return new AppError("rate_limited", error.message);
  if (error.statusCode === 413)
    return new AppError("payload_too_large", "request body is too large");
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(
      error.statusCode === 404 ? "not_found" : "validation",
      error.message,
    );
  }
  return INTERNAL;
}

/**
 * Any failure as the AppError a caller may see (for every edge, FHIR included). An internal
 * error's message and details stay in the server's log: they can name keys, files or queries.
 */
export function toAppError(error: FastifyError | AppError): AppError {
  if (!(error instanceof AppError)) return fromFastify(error);
  return error.code === "internal" ? INTERNAL : error;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    const status = HTTP_STATUS[appError.code];
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const retryAfter = (appError.details as { retryAfter?: number } | undefined)
      ?.retryAfter;
    if (retryAfter !== undefined)
      void reply.header("retry-after", String(retryAfter));
    const body: ErrorBody = {
      error: { code: appError.code, message: appError.message },
    };
    if (appError.details !== undefined) body.error.details = appError.details;
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: "not_found" satisfies ErrorCode,
        message: `no route ${request.method} ${request.url.split("?")[0]}`,
      },
    };
    return reply.status(404).send(body);
  });
}
