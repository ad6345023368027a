// The packs that ship with Rapport, imported statically from instruments/*.json so the core
// stays free of file I/O. dist/ mirrors src/'s depth, so the same relative paths resolve there.
// Versions are immutable: a changed pack is a new version in instruments/<id>.json, and the
// version it replaces moves, unchanged, to instruments/previous/, so responses stored with it
// keep their pack (FHIR export, re-scoring history, signals across compatible versions).
import core10 from "../../../instruments/core-10.json" with { type: "json" };
import gad2 from "../../../instruments/gad-2.json" with { type: "json" };
import gad7 from "../../../instruments/gad-7.json" with { type: "json" };
import k10 from "../../../instruments/k10.json" with { type: "json" };
import phq2 from "../../../instruments/phq-2.json" with { type: "json" };
import phq9 from "../../../instruments/phq-9.json" with { type: "json" };
import rapportAlliance from "../../../instruments/rapport-alliance.json" with { type: "json" };
import who5 from "../../../instruments/who-5.json" with { type: "json" };
import core10v1 from "../../../instruments/previous/core-10-1.0.0.json" with { type: "json" };
import gad7v1 from "../../../instruments/previous/gad-7-1.0.0.json" with { type: "json" };
import phq9v1 from "../../../instruments/previous/phq-9-1.0.0.json" with { type: "json" };
import who5v1 from "../../../instruments/previous/who-5-1.0.0.json" with { type: "json" };
import type { Pack } from "./packSchema.js";
import { compareVersions } from "./compareVersions.js";
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

const PREVIOUS_JSON: readonly unknown[] = [phq9v1, gad7v1, who5v1, core10v1];

interface Bundled {
  readonly latest: ReadonlyMap<string, Pack>;
  readonly all: readonly Pack[];
}

let cache: Bundled | undefined;

function load(): Bundled {
  const latest = loadPacks(BUNDLED_JSON);
  const previous = PREVIOUS_JSON.map((json) => loadPacks([json]));
  const problems = [latest, ...previous].flatMap((l) => l.problems);
  const older = previous.flatMap((l) => [...l.packs.values()]);
  for (const p of older) {
    const current = latest.packs.get(p.id);
    if (!current || compareVersions(p.version, current.version) >= 0)
      problems.push(`${p.id} ${p.version}: not older than a current version`);
  }
  if (problems.length > 0)
    throw new Error(`Bundled packs are invalid:\n${problems.join("\n")}`);
  return { latest: latest.packs, all: [...latest.packs.values(), ...older] };
}

/** The latest version of every bundled pack, validated once; a broken bundled pack throws. */
export function bundledPacks(): ReadonlyMap<string, Pack> {
  cache ??= load();
  return cache.latest;
}

/** Every bundled version of every pack, the latest and the ones they replaced. */
export function bundledPackVersions(): readonly Pack[] {
  cache ??= load();
  return cache.all;
}

/** One bundled pack by id (its latest version), e.g. bundledPack("phq-9"). */
export function bundledPack(id: string): Pack | undefined {
  return bundledPacks().get(id);
}
