// The de-identified research export (issue 17): consenting clients only, pseudonymised, no text,
// no dates, no ids, quasi-identifiers k-anonymised. Used by the CLI and the administrator route.
import crypto from "node:crypto";
import { buildDataset } from "../../core/research/dataset.js";
import { checkK, DEFAULT_K } from "../../core/research/kAnonymity.js";
import { researchReadme } from "../../core/research/readme.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { derivePurposeKey } from "../crypto/envelope.js";
import { fhirBase } from "../fhir/questionnaireResponses.js";
import { loadResearchSource, type Period } from "./researchSource.js";
import { researchFiles, type ExportFiles } from "./researchFiles.js";

export interface ResearchExportOptions extends Period {
  k?: number;
  /** Pseudonyms under the organisation's stable secret (linkable across exports). */
  stableSecret?: boolean;
  /** A per-export secret made earlier (a queued export's, handed out at request time). */
  secret?: Buffer;
}

export interface ResearchExport {
  files: ExportFiles;
  /** The per-export secret (base64url), shown once and never stored; null with a stable secret. */
  secret: string | null;
  clients: number;
  leftOut: Record<string, number>;
}

const K_ANONYMITY = "k-anonymity: too few similar clients to hide among";

export function newExportSecret(): Buffer {
  return crypto.randomBytes(32);
}

/** The organisation-level secret: derived from the master key, so nothing new is stored. */
function stableSecretOf(context: AppContext, organisationId: string): Buffer {
  return derivePurposeKey(
    context.cipher.master,
    `research pseudonyms ${organisationId}`,
  );
}

export async function buildResearchExport(
  context: AppContext,
  organisationId: string,
  options: ResearchExportOptions,
): Promise<ResearchExport> {
  const k = options.k ?? DEFAULT_K;
  checkK(k);
  const exportedAt = isoNow(context);
  const stable = options.stableSecret === true;
  const secret = stable
    ? stableSecretOf(context, organisationId)
    : crypto.randomBytes(32);
  const source = await loadResearchSource(context, organisationId, options);
  const data = buildDataset(source.clients, { secret, k, exportedAt });
  const leftOut = { ...source.leftOut };
  if (data.anonymity.dropped.length > 0)
    leftOut[K_ANONYMITY] = data.anonymity.dropped.length;
  const files = researchFiles(data, source.packs, fhirBase(context));
  files["README.md"] = researchReadme({
    exportedOn: exportedAt.slice(0, 10),
    k,
    stableSecret: stable,
    leftOut,
    anonymity: data.anonymity,
    files: Object.keys(files),
  });
  return {
    files,
    secret: stable ? null : secret.toString("base64url"),
    clients: data.tables.clients.length,
    leftOut,
  };
}

/** The CLI's export: built, then audited as the command's own entry. */
export async function exportResearchFromCli(
  context: AppContext,
  organisationName: string,
  options: ResearchExportOptions,
): Promise<ResearchExport | null> {
  const org = await context.db
    .selectFrom("organisations")
    .select("id")
    .where("name", "=", organisationName)
    .executeTakeFirst();
  if (!org) return null;
  const result = await buildResearchExport(context, org.id, options);
  await appendAudit(context.db, {
    organisationId: org.id,
    actorId: null,
    clientId: null,
    action: "research.export",
    source: "cli",
    at: isoNow(context),
  });
  return result;
}
