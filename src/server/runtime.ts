// Startup and shutdown of the whole server process; they mirror each other.
import { AuditBatcher } from "./audit/auditBatcher.js";
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
  close(): Promise<void>;
}

/** A thread of its own where the database is a SQLite file (see submissionWriter.ts). */
function submissionWriter(
  config: Config,
  database: OpenedDatabase,
  cipher: ClientCipher,
): SubmissionWriter {
  const onFile =
    config.database.dialect === "sqlite" && config.database.file !== ":memory:";
  if (config.submissionThread && onFile)
    return new ThreadSubmissionWriter({ config, masterKey: cipher.master });
  return groupCommitWriter({ config, cipher }, database.db);
}

/** Opens the database, applies migrations and loads the master key. */
export async function startRuntime(
  config: Config,
  options: OpenOptions & { clock?: Clock } = {},
): Promise<Runtime> {
  const database = await openDatabase(config.database, options);
  try {
    await migrateToLatest(database.db);
    const { key, generated } = loadMasterKey(config.dataKey, config.dataDir);
    const cipher = new ClientCipher(key);
    const context: AppContext = {
      config,
      database,
      db: database.db,
      cipher,
      auditReads: new AuditBatcher(database.db),
      submissions: submissionWriter(config, database, cipher),
      mailer: createMailer(config),
      clock: options.clock ?? systemClock,
    };
    return {
      context,
      generatedKey: generated,
      close: async () => {
        await context.submissions.close();
        await closeDatabase(database);
      },
    };
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
}
