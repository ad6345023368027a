// Versioned migrations, listed statically so the compiled CLI needs no file-system discovery.
import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_core.js";
import * as m0002 from "./0002_identity.js";
import * as m0003 from "./0003_instruments.js";
import * as m0004 from "./0004_alerts.js";
import * as m0005 from "./0005_checkins.js";
import * as m0006 from "./0006_transcripts.js";
import * as m0007 from "./0007_trajectory_models.js";
import * as m0008 from "./0008_alerts_by_client.js";
import * as m0009 from "./0009_security_hardening.js";
import * as m0010 from "./0010_risk_evidence.js";
import * as m0011 from "./0011_alert_acknowledgements.js";
import * as m0012 from "./0012_research_export.js";

const MIGRATIONS: Record<string, Migration> = {
  "0001_core": m0001,
  "0002_identity": m0002,
  "0003_instruments": m0003,
  "0004_alerts": m0004,
  "0005_checkins": m0005,
  "0006_transcripts": m0006,
  "0007_trajectory_models": m0007,
  "0008_alerts_by_client": m0008,
  "0009_security_hardening": m0009,
  "0010_risk_evidence": m0010,
  "0011_alert_acknowledgements": m0011,
  "0012_research_export": m0012,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
