// The research export as files: one CSV per table, codebook.csv, research-bundle.json (FHIR R4)
// and README.md. Values only; every header comes from the codebook.
import { stringify } from "csv-stringify/sync";
import { toFhirQuestionnaireResponse } from "../../core/fhir/questionnaireResponse.js";
import type { Pack } from "../../core/instruments/packSchema.js";
import {
  codebook,
  COLUMNS,
  type TableName,
} from "../../core/research/codebook.js";
import type { Dataset } from "../../core/research/dataset.js";

export type ExportFiles = Record<string, string>;

function csv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  return stringify(
    rows.map((row) => columns.map((c) => row[c] ?? "")),
    { header: true, columns: [...columns] },
  );
}

/** A collection Bundle: one Patient per pseudonym (nothing but the id) and their responses. */
export function researchBundle(
  data: Dataset,
  packs: ReadonlyMap<string, Pack>,
  baseUrl: string,
): Record<string, unknown> {
  const patients = data.tables.clients.map((c) => ({
    resourceType: "Patient",
    id: String(c.client),
  }));
  const responses = data.fhirResponses.flatMap((r) => {
    const pack = packs.get(`${r.instrumentId}|${r.instrumentVersion}`);
    if (!pack) return [];
    const full = toFhirQuestionnaireResponse(
      pack,
      {
        id: `${r.client}-${r.response}`,
        answers: r.answers,
        authored: "",
        subject: { reference: `Patient/${r.client}` },
        total: r.total,
      },
      { baseUrl },
    );
    // No authored date: the research export carries no calendar dates.
    const qr = Object.fromEntries(
      Object.entries(full).filter(([key]) => key !== "authored"),
    );
    return [{ ...qr, resourceType: full.resourceType, id: full.id }];
  });
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: [...patients, ...responses].map((resource) => ({
      fullUrl: `urn:rapport-research:${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

export function researchFiles(
  data: Dataset,
  packs: ReadonlyMap<string, Pack>,
  baseUrl: string,
): ExportFiles {
  const files: ExportFiles = {};
  for (const table of Object.keys(COLUMNS) as TableName[])
    files[`${table}.csv`] = csv(
      COLUMNS[table].map((c) => c[0]),
      data.tables[table],
    );
  const used = new Set(
    data.fhirResponses.map((r) => `${r.instrumentId}|${r.instrumentVersion}`),
  );
  const instruments = new Map<
    string,
    { id: string; title: string; licence: string }
  >();
  for (const key of [...used].sort()) {
    const pack = packs.get(key);
    if (pack)
      instruments.set(pack.id, {
        id: pack.id,
        title: pack.questionnaire.title,
        licence: pack.licence,
      });
  }
  const book = codebook([...instruments.values()]);
  files["codebook.csv"] = csv(
    ["file", "column", "meaning", "units", "instrument_licence"],
    book as unknown as Record<string, unknown>[],
  );
  files["research-bundle.json"] = JSON.stringify(
    researchBundle(data, packs, baseUrl),
    null,
    2,
  );
  return files;
}
