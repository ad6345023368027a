// Optional age band and gender on the client record (issue 17): entered by the therapist,
// encrypted under the client's key like the name, released only k-anonymised in research exports.
import type { AgeBand, Gender } from "../../core/research/quasiIdentifiers.js";
import type { AppContext } from "../context.js";
import type { ClientTable } from "../db/schema.js";

export interface Demographics {
  ageBand: AgeBand | null;
  gender: Gender | null;
}

type Row = Pick<
  ClientTable,
  "id" | "organisation_id" | "age_band_enc" | "gender_enc"
>;

export async function openDemographics(
  context: AppContext,
  row: Row,
): Promise<Demographics> {
  const open = (
    field: "clients.age_band" | "clients.gender",
    value: string | null,
  ) =>
    value === null
      ? null
      : context.cipher.decrypt(
          context.db,
          row.organisation_id,
          row.id,
          field,
          value,
        );
  return {
    ageBand: (await open(
      "clients.age_band",
      row.age_band_enc,
    )) as AgeBand | null,
    gender: (await open("clients.gender", row.gender_enc)) as Gender | null,
  };
}

/** The columns to set for a change; a field not in the patch is left as it is. */
export async function sealDemographics(
  context: AppContext,
  organisationId: string,
  clientId: string,
  patch: Partial<Demographics>,
): Promise<Partial<ClientTable>> {
  const seal = (
    field: "clients.age_band" | "clients.gender",
    value: string | null,
  ) =>
    value === null
      ? null
      : context.cipher.encrypt(
          context.db,
          organisationId,
          clientId,
          field,
          value,
        );
  const set: Partial<ClientTable> = {};
  if (patch.ageBand !== undefined)
    set.age_band_enc = await seal("clients.age_band", patch.ageBand);
  if (patch.gender !== undefined)
    set.gender_enc = await seal("clients.gender", patch.gender);
  return set;
}
