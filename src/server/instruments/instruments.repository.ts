// Installed instrument packs, one row per organisation, instrument and version.
import type { Db } from "../db/database.js";
import type { InstrumentPackTable } from "../db/schema.js";

export async function insertPackRow(
  db: Db,
  row: InstrumentPackTable,
): Promise<void> {
  await db.insertInto("instrument_packs").values(row).execute();
}

export async function listPackRows(
  db: Db,
  organisationId: string,
  instrumentId?: string,
): Promise<InstrumentPackTable[]> {
  let query = db
    .selectFrom("instrument_packs")
    .selectAll()
    .where("organisation_id", "=", organisationId);
  if (instrumentId) query = query.where("instrument_id", "=", instrumentId);
  return query.orderBy("instrument_id").orderBy("installed_at").execute();
}
