// How an analysis document is stored: gzip (on libuv's thread pool, off the event loop; the
// JSON is repetitive and shrinks about tenfold), base64, then encrypted under the client's key.
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { AnalysisDocument } from "../../core/transcripts/index.js";
import type { ClientCipher } from "../crypto/clientKeys.js";
import type { Db } from "../db/database.js";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

interface Owner {
  organisation_id: string;
  client_id: string;
}

export async function sealAnalysis(
  cipher: ClientCipher,
  db: Db,
  owner: Owner,
  document: string,
): Promise<string> {
  const packed = (await gzipAsync(document)).toString("base64");
  return cipher.encrypt(
    db,
    owner.organisation_id,
    owner.client_id,
    "transcripts.analysis",
    packed,
  );
}

export async function openAnalysis(
  cipher: ClientCipher,
  db: Db,
  owner: Owner,
  sealed: string,
): Promise<AnalysisDocument> {
  const packed = await cipher.decrypt(
    db,
    owner.organisation_id,
    owner.client_id,
    "transcripts.analysis",
    sealed,
  );
  const json = (await gunzipAsync(Buffer.from(packed, "base64"))).toString();
  return JSON.parse(json) as AnalysisDocument;
}
