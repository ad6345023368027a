// The instrument catalogue over the API and CLI: list, read, install a pack (administrators).
import { compareVersions } from "../../core/instruments/compareVersions.js";
import type { Pack } from "../../core/instruments/packSchema.js";
import { validatePack } from "../../core/instruments/validatePack.js";
import { droppedRiskItems } from "../../core/signals/riskAlerts.js";
import type { Actor } from "../auth/actor.js";
import { auditSecurity } from "../audit/securityAudit.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { AppError } from "../errors.js";
import {
  catalogue,
  latestOfEach,
  resolvePack,
  type CataloguedPack,
} from "./instrumentCatalogue.js";
import { insertPackRow } from "./instruments.repository.js";
import { instrumentSummary, type InstrumentSummary } from "./instrumentView.js";

function versionsOf(all: readonly CataloguedPack[], id: string): string[] {
  return all
    .filter((e) => e.pack.id === id)
    .map((e) => e.pack.version)
    .sort(compareVersions);
}

/** Bundled and installed instruments, the latest version of each. */
export async function listInstruments(
  context: AppContext,
  organisationId: string,
): Promise<InstrumentSummary[]> {
  const all = await catalogue(context.db, organisationId);
  return latestOfEach(all).map((e) =>
    instrumentSummary(e, versionsOf(all, e.pack.id)),
  );
}

/** One instrument with its full pack (questionnaire and scoring), latest or a given version. */
export async function getInstrument(
  context: AppContext,
  organisationId: string,
  id: string,
  version?: string,
): Promise<InstrumentSummary & { pack: Pack }> {
  const entry = await resolvePack(context.db, organisationId, id, version);
  const all = await catalogue(context.db, organisationId, id);
  return {
    ...instrumentSummary(entry, versionsOf(all, id)),
    pack: entry.pack,
  };
}

/** Instrument administration is by role; no client data is involved. */
export function requireRole(
  actor: Actor,
  roles: readonly Actor["role"][],
  what: string,
): void {
  if (!roles.includes(actor.role))
    throw new AppError(
      "forbidden",
      `only ${roles.map((r) => `${r}s`).join(" and ")} may ${what}`,
    );
}

/**
 * Validates and installs a pack for one organisation; every problem is listed in `details`.
 * A version that exists already (bundled or installed) is a conflict: versions are immutable.
 * So is one that drops a risk item the latest version declares, unless the administrator
 * confirms it (audited as pack.risk-items-dropped).
 */
export async function installPack(
  context: AppContext,
  organisationId: string,
  json: unknown,
  by: { memberId: string | null; source: string | null },
  options: { confirmDroppedRiskItems?: boolean } = {},
): Promise<InstrumentSummary> {
  const result = validatePack(json);
  if (!result.ok)
    throw new AppError(
      "validation",
      `the instrument pack has ${result.problems.length} problem(s)`,
      { problems: result.problems },
    );
  const pack = result.pack;
  const existing = await catalogue(context.db, organisationId, pack.id);
  if (existing.some((e) => e.pack.version === pack.version))
    throw new AppError(
      "conflict",
      `${pack.id} ${pack.version} is already available; give the changed pack a new version`,
    );
  // A version that stops declaring a risk item would silently stop its alerts (issue 14).
  const previous = latestOfEach(existing)[0]?.pack;
  const dropped = previous ? droppedRiskItems(previous, pack) : [];
  if (dropped.length > 0 && options.confirmDroppedRiskItems !== true)
    throw new AppError(
      "conflict",
      `${pack.id} ${pack.version} no longer declares the risk item(s) ${dropped.join(", ")} that ${previous?.version ?? ""} declares: answers to them would raise no risk alert. To install it anyway, confirm explicitly (API: confirmDroppedRiskItems=true; CLI: --confirm-dropped-risk-items)`,
      { droppedRiskItems: dropped, previousVersion: previous?.version },
    );
  const at = isoNow(context);
  await context.db.transaction().execute(async (trx) => {
    await insertPackRow(trx, {
      organisation_id: organisationId,
      instrument_id: pack.id,
      version: pack.version,
      pack: JSON.stringify(pack),
      installed_by: by.memberId,
      installed_at: at,
    });
    // Which pack and version: the instrument_packs row installed at the same moment.
    await auditSecurity(context, trx, {
      organisationId,
      actorId: by.memberId,
      subjectId: null,
      action: "pack.install",
      source: by.source,
    });
    if (dropped.length > 0)
      await auditSecurity(context, trx, {
        organisationId,
        actorId: by.memberId,
        subjectId: null,
        action: "pack.risk-items-dropped",
        source: by.source,
      });
  });
  const entry = { pack, bundled: false, installedAt: at };
  return instrumentSummary(
    entry,
    [...versionsOf(existing, pack.id), pack.version].sort(compareVersions),
  );
}
