// Startup and shutdown of the whole server process; they mirror each other.
import { AuditBatcher } from "./audit/auditBatcher.js";
import type { Config } from "./config.js";
import { createMailer } from "./mail/mailer.js";
import type { AppContext } from "./context.js";
import { ClientCipher } from "./crypto/clientKeys.js";
import { loadMasterKey } from "./crypto/masterKey.js";
import {
  closeDatabase,
  migrateToLatest,
  openDatabase,
  type OpenOptions,
} from "./db/database.js";
import { GroupCommit } from "./db/groupCommit.js";

export interface Runtime {
  context: AppContext;
  generatedKey: boolean;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and loads the master key. */
export async function startRuntime(
  config: Config,
  options: OpenOptions & { clock?: () => Date } = {},
): Promise<Runtime> {
  const database = await openDatabase(config.database, options);
  try {
    await migrateToLatest(database.db);
    const { key, generated } = loadMasterKey(config.dataKey, config.dataDir);
    const context: AppContext = {
      config,
      database,
      db: database.db,
      cipher: new ClientCipher(key),
      auditReads: new AuditBatcher(database.db),
      submissions: new GroupCommit(database.db),
      mailer: createMailer(config),
      clock: options.clock ?? (() => new Date()),
    };
    return {
      context,
      generatedKey: generated,
      close: () => closeDatabase(database),
    };
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
}
