// The packs an organisation can use: the bundled ones plus every version it has installed.
import { bundledPackVersions } from "../../core/instruments/bundled.js";
import { compareVersions } from "../../core/instruments/compareVersions.js";
import type { Pack } from "../../core/instruments/packSchema.js";
import { validatePack } from "../../core/instruments/validatePack.js";
import type { Db } from "../db/database.js";
import { AppError, notFound } from "../errors.js";
import { listPackRows } from "./instruments.repository.js";

export interface CataloguedPack {
  readonly pack: Pack;
  readonly bundled: boolean;
  readonly installedAt: string | null;
}

function parseStored(json: string): Pack {
  const result = validatePack(JSON.parse(json));
  // Packs are validated before they are stored; a stored pack that fails is corruption.
  if (!result.ok)
    throw new AppError(
      "internal",
      `a stored instrument pack is invalid: ${result.problems.join("; ")}`,
    );
  return result.pack;
}

/** Every version of every pack available to the organisation (optionally of one instrument). */
export async function catalogue(
  db: Db,
  organisationId: string,
  instrumentId?: string,
): Promise<CataloguedPack[]> {
  const bundled = bundledPackVersions()
    .filter((p) => instrumentId === undefined || p.id === instrumentId)
    .map((pack) => ({ pack, bundled: true, installedAt: null }));
  const rows = await listPackRows(db, organisationId, instrumentId);
  const installed = rows.map((row) => ({
    pack: parseStored(row.pack),
    bundled: false,
    installedAt: row.installed_at,
  }));
  return [...bundled, ...installed];
}

/** The latest version of each instrument, ordered by id. */
export function latestOfEach(
  packs: readonly CataloguedPack[],
): CataloguedPack[] {
  const latest = new Map<string, CataloguedPack>();
  for (const entry of packs) {
    const seen = latest.get(entry.pack.id);
    if (!seen || compareVersions(entry.pack.version, seen.pack.version) > 0)
      latest.set(entry.pack.id, entry);
  }
  return [...latest.values()].sort((a, b) =>
    a.pack.id.localeCompare(b.pack.id),
  );
}

/** One pack: the given version, or the latest; unknown instrument or version is not_found. */
export async function resolvePack(
  db: Db,
  organisationId: string,
  instrumentId: string,
  version?: string,
): Promise<CataloguedPack> {
  const versions = await catalogue(db, organisationId, instrumentId);
  if (versions.length === 0) throw notFound(`instrument "${instrumentId}"`);
  if (version === undefined) {
    const [latest] = latestOfEach(versions);
    if (latest) return latest;
  }
  const found = versions.find((v) => v.pack.version === version);
  if (!found)
    throw new AppError(
      "not_found",
      `instrument "${instrumentId}" has no version ${version}; known: ${versions
        .map((v) => v.pack.version)
        .sort(compareVersions)
        .join(", ")}`,
    );
  return found;
}

/** Packs keyed "id|version", for exporting stored responses scored with older versions. */
export async function packsByVersion(
  db: Db,
  organisationId: string,
): Promise<ReadonlyMap<string, Pack>> {
  const all = await catalogue(db, organisationId);
  return new Map(all.map((e) => [`${e.pack.id}|${e.pack.version}`, e.pack]));
}
