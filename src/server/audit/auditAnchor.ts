// The audit chain's anchor: each organisation's newest {seq, hash}, in a file outside the database
// (`RAPPORT_AUDIT_ANCHOR`, by default in the data directory). `rapport audit verify` checks that
// the database still holds every anchored entry, so deleting the newest rows is detected. The
// file is replaced atomically (written beside it, flushed, renamed) with mode 0600.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ChainHead } from "./auditChain.js";

export type AnchoredHeads = Record<string, ChainHead>;

/** The file's shape; `rapport audit checkpoint` prints the same, so a saved copy can be verified. */
export interface AnchorDocument {
  rapportAuditAnchor: 1;
  organisations: AnchoredHeads;
}

function isHead(value: unknown): value is ChainHead {
  const head = value as Partial<ChainHead> | null;
  return (
    typeof head === "object" &&
    head !== null &&
    Number.isInteger(head.seq) &&
    typeof head.hash === "string"
  );
}

/** Reads an anchor (or checkpoint) document; throws on anything else. */
export function parseAnchor(text: string, where: string): AnchoredHeads {
  let document: Partial<AnchorDocument>;
  try {
    document = JSON.parse(text) as Partial<AnchorDocument>;
  } catch {
    throw new Error(`${where} is not an audit anchor (not JSON)`);
  }
  const heads = document.organisations;
  if (
    document.rapportAuditAnchor !== 1 ||
    typeof heads !== "object" ||
    heads === null ||
    !Object.values(heads).every(isHead)
  )
    throw new Error(`${where} is not an audit anchor`);
  return heads;
}

/** The anchored heads, or undefined when there is no anchor file yet. */
export async function readAnchor(
  file: string,
): Promise<AnchoredHeads | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  return parseAnchor(text, file);
}

export function anchorDocument(heads: AnchoredHeads): AnchorDocument {
  return { rapportAuditAnchor: 1, organisations: heads };
}

export async function writeAnchor(
  file: string,
  heads: AnchoredHeads,
): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  const handle = await fs.open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(JSON.stringify(anchorDocument(heads), null, 2));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, file);
}
