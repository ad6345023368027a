// Instrument packs (GET and POST /api/instruments): what each measures, whether it is validated,
// and installing a new one.
import { api } from "./http";

export interface InstrumentSummary {
  id: string;
  version: string;
  versions: string[];
  title: string;
  kind: "outcome" | "alliance" | "preference";
  validated: boolean;
  notice: string | null;
  attribution: string;
  copyright: string;
  licence: string;
  verbatimOnly: boolean;
  bundled: boolean;
  installedAt: string | null;
}

export const listInstruments = () =>
  api<{ items: InstrumentSummary[] }>("GET", "/api/instruments");

/** Installs a pack (administrators); a 422 carries every problem in details.problems. */
export const installPack = (pack: unknown) =>
  api<InstrumentSummary>("POST", "/api/instruments", pack);
