// Versioned migrations, listed statically so the compiled CLI needs no file-system discovery.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_core.js";
import * as m0002 from "./0002_identity.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_identity": m0002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
