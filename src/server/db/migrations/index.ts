// Versioned migrations, listed statically so the compiled CLI needs no file-system discovery.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_core.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001_core": m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
