// The packs that ship with Rapport, imported statically from instruments/*.json so the core
// stays free of file I/O. dist/ mirrors src/'s depth, so the same relative paths resolve there.
import core10 from "../../../instruments/core-10.json" with { type: "json" };
import gad2 from "../../../instruments/gad-2.json" with { type: "json" };
import gad7 from "../../../instruments/gad-7.json" with { type: "json" };
import k10 from "../../../instruments/k10.json" with { type: "json" };
import phq2 from "../../../instruments/phq-2.json" with { type: "json" };
import phq9 from "../../../instruments/phq-9.json" with { type: "json" };
import rapportAlliance from "../../../instruments/rapport-alliance.json" with { type: "json" };
import who5 from "../../../instruments/who-5.json" with { type: "json" };
import type { Pack } from "./packSchema.js";
import { loadPacks } from "./loadPacks.js";

const BUNDLED_JSON: readonly unknown[] = [
  phq9,
  phq2,
  gad7,
  gad2,
  who5,
  k10,
  core10,
  rapportAlliance,
];

let cache: ReadonlyMap<string, Pack> | undefined;

/** Every bundled pack, validated once; a broken bundled pack is a programmer error and throws. */
export function bundledPacks(): ReadonlyMap<string, Pack> {
  if (cache) return cache;
  const loaded = loadPacks(BUNDLED_JSON);
  if (loaded.problems.length > 0)
    throw new Error(
      `Bundled packs are invalid:\n${loaded.problems.join("\n")}`,
    );
  cache = loaded.packs;
  return cache;
}

/** One bundled pack by id, e.g. bundledPack("phq-9"). */
export function bundledPack(id: string): Pack | undefined {
  return bundledPacks().get(id);
}
