// /api/clients/:id/sessions/:sessionId/transcripts, /api/clients/:id/transcripts,
// /api/transcripts/:id. The upload route has its own body parsers (raw file, streamed, own size
// limit, parsed in a thread of its own); analysis runs in the queue started with the app and
// stopped when it closes.
import { Type } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import type { TranscriptFormat } from "../../core/transcripts/index.js";
import type { AppContext } from "../context.js";
import { actorOf, type App } from "../http/types.js";
import { IdParams } from "../http/schemas.js";
import { AnalysisRunner } from "./analysisRunner.js";
import { TranscriptQueue } from "./transcriptQueue.js";
import { TranscriptWorker } from "./transcriptWorker.js";
import {
  readTranscriptUpload,
  tooLarge,
  type UploadedTranscript,
} from "./transcriptUpload.js";
import {
  FORMATS,
  Queued,
  TranscriptDetail,
  TranscriptSummary,
  UploadParams,
  UploadQuery,
} from "./transcripts.schemas.js";
import {
  checkUpload,
  deleteTranscript,
  getTranscript,
  listTranscripts,
  uploadTranscript,
} from "./transcripts.service.js";

const tags = ["transcripts"];

/** The format a content type implies; text/plain is sniffed from the first lines. */
const BY_CONTENT_TYPE: Record<string, TranscriptFormat | undefined> = {
  "text/vtt": "vtt",
  "application/x-subrip": "srt",
  "application/json": "json",
  "text/plain": undefined,
};

function declaredFormat(request: FastifyRequest): TranscriptFormat | undefined {
  const override = (request.query as { format?: unknown }).format;
  const format = FORMATS.find((f) => f === override);
  if (format) return format;
  const type = (request.headers["content-type"] ?? "").split(";")[0] ?? "";
  return BY_CONTENT_TYPE[type.trim().toLowerCase()];
}

export async function transcriptRoutes(
  app: App,
  context: AppContext,
): Promise<void> {
  const maxBytes = context.config.transcriptMaxBytes;
  const queue = new TranscriptQueue(
    context,
    new AnalysisRunner(context.config.transcriptThreadBytes),
    app.log,
  );
  const uploads = new TranscriptWorker();
  app.addHook("onReady", () => queue.start());
  app.addHook("onClose", () => queue.stop());
  app.addHook("onClose", () => uploads.close());

  await app.register((upload: App) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser(
      Object.keys(BY_CONTENT_TYPE),
      (request, payload, done) => {
        if (Number(request.headers["content-length"] ?? 0) > maxBytes)
          return done(tooLarge(maxBytes));
        readTranscriptUpload(
          payload,
          declaredFormat(request),
          maxBytes,
          uploads,
        ).then(
          (body) => done(null, body),
          (error: Error) => done(error),
        );
      },
    );
    upload.post(
      "/api/clients/:id/sessions/:sessionId/transcripts",
      {
        schema: {
          tags,
          description: `The transcript file as the body: text/vtt, application/x-subrip, text/plain or application/json, up to ${maxBytes} bytes (RAPPORT_TRANSCRIPT_MAX_BYTES). Analysed in the background: poll GET /api/transcripts/{id}.`,
          params: UploadParams,
          querystring: UploadQuery,
          response: { 202: Queued },
        },
        // Access and consent are checked before the body is read.
        preParsing: async (request) => {
          await checkUpload(
            context,
            actorOf(request),
            request.params.id,
            request.params.sessionId,
          );
        },
      },
      async (request, reply) => {
        const queued = await uploadTranscript(
          context,
          actorOf(request),
          { clientId: request.params.id, sessionId: request.params.sessionId },
          request.body as UploadedTranscript, // what the parser above produced
          request.query.therapist,
        );
        queue.wake();
        return reply.status(202).send(queued);
      },
    );
  });

  app.get(
    "/api/clients/:id/transcripts",
    {
      schema: {
        tags,
        params: IdParams,
        response: {
          200: Type.Object({ items: Type.Array(TranscriptSummary) }),
        },
      },
    },
    async (request) => ({
      items: await listTranscripts(
        context,
        actorOf(request),
        request.params.id,
      ),
    }),
  );
  app.get(
    "/api/transcripts/:id",
    { schema: { tags, params: IdParams, response: { 200: TranscriptDetail } } },
    (request) => getTranscript(context, actorOf(request), request.params.id),
  );
  app.delete(
    "/api/transcripts/:id",
    { schema: { tags, params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deleteTranscript(context, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
