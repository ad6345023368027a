// Startup and shutdown of the whole server process; they mirror each other.
import { AuditBatcher } from "./audit/auditBatcher.js";
import { AuditAnchorWriter } from "./audit/auditAnchorWriter.js";
import { deriveAuditKey, keyedHash } from "./audit/auditChain.js";
import { useAuditChain } from "./audit/auditChainUse.js";
import { keyLegacyChains } from "./audit/legacyChain.js";
import { systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { createMailer } from "./mail/mailer.js";
import type { AppContext } from "./context.js";
import { ClientCipher } from "./crypto/clientKeys.js";
import { loadMasterKey } from "./crypto/masterKey.js";
import {
  closeDatabase,
  migrateToLatest,
  openDatabase,
  type OpenedDatabase,
  type OpenOptions,
} from "./db/database.js";
import {
  groupCommitWriter,
  ThreadSubmissionWriter,
  type SubmissionWriter,
} from "./checkins/submissionWriter.js";

export interface Runtime {
  context: AppContext;
  generatedKey: boolean;
  /** Keeps the audit chain's heads anchored outside the database. */
  auditAnchor: AuditAnchorWriter;
  close(): Promise<void>;
}

/** A thread of its own where the database is a SQLite file (see submissionWriter.ts). */
function submissionWriter(
  config: Config,
  database: OpenedDatabase,
  cipher: ClientCipher,
  anchor: AuditAnchorWriter,
): SubmissionWriter {
  const onFile =
    config.database.dialect === "sqlite" && config.database.file !== ":memory:";
  if (config.submissionThread && onFile)
    return new ThreadSubmissionWriter(
      { config, masterKey: cipher.master },
      // The thread's audit entries are committed on its connection: anchor them once answered.
      (organisationId) => anchor.touch([organisationId]),
    );
  return groupCommitWriter({ config, cipher }, database.db);
}

/**
 * Keys the audit chain (appends through this handle and its transactions use it), upgrades an
 * unkeyed chain, and anchors every head before the first request (a missing anchor is recreated
 * from the chains as they stand, with an error logged).
 */
async function keyAuditChain(
  config: Config,
  database: OpenedDatabase,
  cipher: ClientCipher,
  report: (error: Error) => void,
  anchorAtStart: boolean,
): Promise<AuditAnchorWriter> {
  const anchor = new AuditAnchorWriter(database.db, config.auditAnchor, report);
  const hash = keyedHash(deriveAuditKey(cipher.master));
  useAuditChain(database.db, {
    hash,
    appended: (organisations) => anchor.touch(organisations),
  });
  await keyLegacyChains(database.db, hash);
  if (anchorAtStart) await anchor.refreshAll();
  return anchor;
}

/** Opens the database, applies migrations and loads the master key. */
export async function startRuntime(
  config: Config,
  options: OpenOptions & {
    clock?: Clock;
    /** False for commands that check the anchor: they must not anchor anything themselves. */
    anchorAtStart?: boolean;
  } = {},
): Promise<Runtime> {
  const started: { context?: AppContext } = {}; // its logger, once the server sets one
  const database = await openDatabase(config.database, {
    ...options,
    onConnectionError: (error) =>
      started.context?.log?.warn(
        { err: error },
        "database connection lost; the pool reconnects",
      ),
  });
  try {
    await migrateToLatest(database.db);
    const { key, generated } = loadMasterKey(config.dataKey, config.dataDir);
    const clock = options.clock ?? systemClock;
    const cipher = new ClientCipher(key, clock);
    const report = (error: Error) => {
      const log = started.context?.log;
      if (log) log.error({ err: error }, "audit anchor not updated");
      else process.stderr.write(`rapport: ${error.message}\n`);
    };
    const auditAnchor = await keyAuditChain(
      config,
      database,
      cipher,
      report,
      options.anchorAtStart ?? true,
    );
    const context: AppContext = {
      config,
      database,
      db: database.db,
      cipher,
      auditReads: new AuditBatcher(database.db),
      submissions: submissionWriter(config, database, cipher, auditAnchor),
      mailer: createMailer(config),
      clock,
    };
    started.context = context;
    return {
      context,
      generatedKey: generated,
      auditAnchor,
      close: async () => {
        await context.submissions.close();
        await auditAnchor.flush();
        await closeDatabase(database);
      },
    };
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
}
