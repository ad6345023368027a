// Worker-thread entry: the SQLite writer of check-in submissions (see submissionWriter.ts). It
// opens its own connection to the server's database file and group-commits what it is sent,
// answering each submission once its transaction has committed.
import { parentPort, workerData } from "node:worker_threads";
import { deriveAuditKey, keyedHash } from "../audit/auditChain.js";
import { useAuditChain } from "../audit/auditChainUse.js";
import { ClientCipher } from "../crypto/clientKeys.js";
import { closeDatabase, openDatabase } from "../db/database.js";
import { GroupCommit } from "../db/groupCommit.js";
import { AppError } from "../errors.js";
import { storeSubmission, type WriteContext } from "./storeSubmission.js";
import type {
  SubmissionThreadData,
  ThreadReply,
  ThreadRequest,
} from "./submissionWriter.js";

const port = parentPort;
if (!port) throw new Error("submissionThread.ts runs only as a worker thread");
const data = workerData as SubmissionThreadData;
const context: WriteContext = {
  config: data.config,
  // Structured cloning turns the key's Buffer into a plain Uint8Array.
  cipher: new ClientCipher({
    id: data.masterKey.id,
    key: Buffer.from(data.masterKey.key),
  }),
};
const database = openDatabase(data.config.database).then((opened) => {
  // The same keyed chain as the server's; the server anchors it once told of each commit.
  useAuditChain(opened.db, {
    hash: keyedHash(deriveAuditKey(context.cipher.master)),
    appended: () => {},
  });
  return opened;
});
const group = database.then((opened) => new GroupCommit(opened.db));

function errorReply(id: number, error: unknown): ThreadReply {
  if (error instanceof AppError)
    return { id, error: { code: error.code, message: error.message } };
  return {
    id,
    error: { message: error instanceof Error ? error.message : String(error) },
  };
}

port.on("message", (request: ThreadRequest) => {
  if ("close" in request) {
    void database.then(closeDatabase).finally(() => port.close());
    return;
  }
  if ("forget" in request) return context.cipher.forget(request.forget);
  group
    .then((g) =>
      g.run((trx, batch) =>
        storeSubmission(context, trx, batch, request.submission),
      ),
    )
    .then(
      (stored) =>
        port.postMessage({ id: request.id, stored } satisfies ThreadReply),
      (error: unknown) => port.postMessage(errorReply(request.id, error)),
    );
});
