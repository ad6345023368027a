// Turns already-parsed JSON documents (read from disk or an upload by the server) into packs,
// keyed by id, with every problem of every document listed.
import type { Pack } from "./packSchema.js";
import { validatePack } from "./validatePack.js";

export interface LoadedPacks {
  readonly packs: ReadonlyMap<string, Pack>;
  readonly problems: readonly string[];
}

function label(json: unknown, index: number): string {
  const id =
    typeof json === "object" && json !== null && "id" in json
      ? json.id
      : undefined;
  return typeof id === "string" ? id : `document ${index + 1}`;
}

/**
 * Validates each document; later documents with an id already seen are reported, not merged.
 * @example loadPacks([JSON.parse(phq9Text)]).packs.get("phq-9")
 */
export function loadPacks(documents: readonly unknown[]): LoadedPacks {
  const packs = new Map<string, Pack>();
  const problems: string[] = [];
  documents.forEach((json, index) => {
    const result = validatePack(json);
    if (!result.ok)
      problems.push(
        ...result.problems.map((p) => `${label(json, index)}: ${p}`),
      );
    else if (packs.has(result.pack.id))
      problems.push(`${result.pack.id}: id is used by two packs`);
    else packs.set(result.pack.id, result.pack);
  });
  return { packs, problems };
}
