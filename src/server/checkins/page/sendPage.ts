// Sends a client page: no-store (a shared tablet keeps nothing), noindex, gzip when accepted.
import zlib from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";

export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: string,
  type = "text/html; charset=utf-8",
): FastifyReply {
  void reply
    .status(status)
    .header("content-type", type)
    .header("cache-control", "no-store")
    .header("x-robots-tag", "noindex")
    .header("vary", "accept-encoding, accept-language");
  const accepts = String(request.headers["accept-encoding"] ?? "");
  if (/\bgzip\b/.test(accepts))
    return reply.header("content-encoding", "gzip").send(zlib.gzipSync(body));
  return reply.send(body);
}
