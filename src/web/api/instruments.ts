// Instrument packs (GET /api/instruments): what each measures and whether it is validated.
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
