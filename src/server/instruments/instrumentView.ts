// The API shape of an instrument: what a clinician must see beside it (attribution, licence,
// and the not-validated notice), plus the versions the organisation has.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { CataloguedPack } from "./instrumentCatalogue.js";

export interface InstrumentSummary {
  id: string;
  version: string;
  versions: string[];
  title: string;
  kind: Pack["kind"];
  validated: boolean;
  notice: string | null;
  attribution: string;
  copyright: string;
  licence: string;
  verbatimOnly: boolean;
  bundled: boolean;
  installedAt: string | null;
}

export function instrumentSummary(
  entry: CataloguedPack,
  versions: readonly string[],
): InstrumentSummary {
  const pack = entry.pack;
  return {
    id: pack.id,
    version: pack.version,
    versions: [...versions],
    title: pack.questionnaire.title,
    kind: pack.kind,
    validated: pack.validated,
    notice: pack.notice ?? null,
    attribution: pack.attribution,
    copyright: pack.copyright,
    licence: pack.licence,
    verbatimOnly: pack.verbatimOnly ?? false,
    bundled: entry.bundled,
    installedAt: entry.installedAt,
  };
}
