// Parses untrusted JSON into a Pack once, at the edge, listing every problem (style.md:
// "validate at the edge, carry types inward").
import { Value } from "typebox/value";
import type { TLocalizedValidationError } from "typebox/error";
import { PackSchema, type Pack } from "./packSchema.js";
import { packSemanticProblems } from "./packSemantics.js";

export type PackValidation =
  { ok: true; pack: Pack } | { ok: false; problems: string[] };

function message(error: TLocalizedValidationError): string {
  const extra =
    error.keyword === "additionalProperties"
      ? error.params.additionalProperties
      : undefined;
  return Array.isArray(extra)
    ? `unknown property ${extra.join(", ")}`
    : error.message;
}

function schemaProblems(json: unknown): string[] {
  const errors = [...Value.Errors(PackSchema, json)];
  // A failed union reports one "const" error per alternative; its "anyOf" summary is enough.
  // An unknown property is reported on itself ("schema is false") and on its parent: keep the parent's.
  const unionPaths = new Set(
    errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath),
  );
  const kept = errors.filter(
    (e) =>
      e.keyword !== "boolean" &&
      !(unionPaths.has(e.instancePath) && e.keyword !== "anyOf"),
  );
  return [
    ...new Set(kept.map((e) => `${e.instancePath || "/"}: ${message(e)}`)),
  ];
}

/**
 * Validates a parsed pack: schema first, then the semantic checks (which need a well-formed
 * pack, so they run only when the schema passes).
 * @example validatePack(JSON.parse(text)) // { ok: true, pack } or { ok: false, problems: [...] }
 */
export function validatePack(json: unknown): PackValidation {
  if (!Value.Check(PackSchema, json))
    return { ok: false, problems: schemaProblems(json) };
  const pack: Pack = json;
  const semantic = packSemanticProblems(pack);
  return semantic.length > 0
    ? { ok: false, problems: semantic }
    : { ok: true, pack };
}
