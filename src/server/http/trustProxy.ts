// Which peers may name the client's address in X-Forwarded-For, as Fastify's `trustProxy` takes
// it. Fastify trusts no one for a bare hop count (it cannot check the immediate peer), so a hop
// count is given as proxy-addr's function "the first n hops are proxies", as Express does. That
// holds only when clients cannot reach Rapport except through those proxies (SECURITY.md).
import type { TrustProxy } from "../config.js";

type TrustFunction = (address: string, hop: number) => boolean;

export function trustProxyOption(
  trust: TrustProxy,
): false | string[] | TrustFunction {
  if (trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return [...trust];
}
