// The client's side: /c/<token> (the check-in form, a plain form POST that works without
// JavaScript), its unsubscribe page, the progress page reached from the confirmation and the
// personal progress link /p/<token>. Public on purpose: the unguessable link is the credential.
import zlib from "node:zlib";
import formbody from "@fastify/formbody";
import { Type, type TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isDatabaseUnavailable,
} from "../../db/unavailable.js";
import type { AppContext } from "../../context.js";
import type { App } from "../../http/types.js";
import { CHECKIN_CSS, CHECKIN_JS, etagOf } from "./assets.js";
import { handleCheckinPost, showCheckin } from "./checkinPage.handlers.js";
import {
  progressFromCheckin,
  progressFromLink,
} from "./progressPage.handlers.js";
import { unsubscribe } from "./unsubscribe.handlers.js";
import { messagePage } from "./statusPages.js";
import { layout } from "./layout.js";
import { pickLanguage, translator } from "./messages.js";
import { sendPage } from "./sendPage.js";
import type { FormBody } from "../checkinForm.js";

const ASSETS: Record<string, { body: Buffer; type: string; etag: string }> =
  Object.fromEntries(
    [
      ["checkin.css", CHECKIN_CSS, "text/css; charset=utf-8"],
      ["checkin.js", CHECKIN_JS, "text/javascript; charset=utf-8"],
    ].map(([name = "", text = "", type = ""]) => [
      name,
      { body: zlib.gzipSync(text), type, etag: etagOf(text) },
    ]),
  );

const TokenParams = Type.Object(
  { token: Type.String({ maxLength: 100 }) },
  { additionalProperties: false },
);
const LangQuery = Type.Object({
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});
const Form = Type.Record(
  Type.String({ maxLength: 200 }),
  Type.Union([
    Type.String({ maxLength: 4_000 }),
    Type.Array(Type.String({ maxLength: 4_000 }), { maxItems: 20 }),
  ]),
  { maxProperties: 400 },
);
const schema = { hide: true };

export interface PageRequest {
  token: string;
  language: ReturnType<typeof pickLanguage>;
  body: FormBody;
  wantsJson: boolean;
}

function pageRequest(
  request: FastifyRequest,
  token: string,
  body: FormBody = {},
): PageRequest {
  const query = request.query as { lang?: string };
  const fromBody = typeof body.lang === "string" ? body.lang : undefined;
  return {
    token,
    language: pickLanguage(
      fromBody ?? query.lang,
      request.headers["accept-language"],
    ),
    body,
    wantsJson: String(request.headers.accept ?? "").startsWith(
      "application/json",
    ),
  };
}

function serveAsset(
  request: FastifyRequest<{ Params: { file: string } }>,
  reply: FastifyReply,
) {
  const asset = ASSETS[request.params.file];
  if (!asset) return reply.callNotFound();
  void reply
    .header("content-type", asset.type)
    .header("cache-control", "public, max-age=86400")
    .header("etag", asset.etag)
    .header("vary", "accept-encoding");
  if (request.headers["if-none-match"] === asset.etag)
    return reply.status(304).send();
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? "")))
    return reply.header("content-encoding", "gzip").send(asset.body);
  return reply.send(zlib.gunzipSync(asset.body));
}

export function checkinPageRoutes(app: App, context: AppContext): void {
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(formbody, { bodyLimit: 65_536 }); // 64 KiB: the longest form is far smaller
    scope.setErrorHandler(async (error, request, reply) => {
      request.log.error({ err: error }, "client page failed");
      // During a database outage: 503 and when to try again (the answers stay on the form).
      const unavailable = isDatabaseUnavailable(error);
      if (unavailable)
        void reply.header("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
      const language = pickLanguage(
        (request.query as { lang?: string } | undefined)?.lang,
        request.headers["accept-language"],
      );
      const t = translator(language);
      return sendPage(
        request,
        reply,
        unavailable ? 503 : 500,
        layout({
          language,
          title: t("errorHeading"),
          crisisInformation: null,
          path: "",
          body: messagePage(t, "errorHeading"),
        }),
      );
    });
    scope.get(
      "/c/assets/:file",
      {
        schema: {
          ...schema,
          params: Type.Object({ file: Type.String({ maxLength: 40 }) }),
        },
      },
      serveAsset,
    );
    scope.get(
      "/c/:token",
      { schema: { ...schema, params: TokenParams, querystring: LangQuery } },
      (request, reply) =>
        showCheckin(
          context,
          pageRequest(request, request.params.token),
          request,
          reply,
        ),
    );
    scope.post(
      "/c/:token",
      {
        schema: {
          ...schema,
          params: TokenParams,
          querystring: LangQuery,
          body: Form,
        },
      },
      (request, reply) =>
        handleCheckinPost(
          context,
          pageRequest(request, request.params.token, request.body),
          request,
          reply,
        ),
    );
    scope.get(
      "/c/:token/unsubscribe",
      { schema: { ...schema, params: TokenParams, querystring: LangQuery } },
      (request, reply) =>
        unsubscribe(
          context,
          pageRequest(request, request.params.token),
          false,
          request,
          reply,
        ),
    );
    scope.post(
      "/c/:token/unsubscribe",
      {
        schema: {
          ...schema,
          params: TokenParams,
          querystring: LangQuery,
          body: Form,
        },
      },
      (request, reply) =>
        unsubscribe(
          context,
          pageRequest(request, request.params.token, request.body),
          true,
          request,
          reply,
        ),
    );
    scope.get(
      "/c/:token/progress",
      { schema: { ...schema, params: TokenParams, querystring: LangQuery } },
      (request, reply) =>
        progressFromCheckin(
          context,
          pageRequest(request, request.params.token),
          request,
          reply,
        ),
    );
    scope.get(
      "/p/:token",
      { schema: { ...schema, params: TokenParams, querystring: LangQuery } },
      (request, reply) =>
        progressFromLink(
          context,
          pageRequest(request, request.params.token),
          request,
          reply,
        ),
    );
  });
}
