// A client's scored totals on one instrument and its appointments, in the current episode.
import type { Db } from "../db/database.js";

async function currentEpisodeId(
  db: Db,
  organisationId: string,
  clientId: string,
): Promise<string | null> {
  const episode = await db
    .selectFrom("episodes")
    .select("id")
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .orderBy("opened_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return episode?.id ?? null;
}

/** Valid totals of the instrument and the appointments, both in the current episode. */
export async function episodeSeries(
  db: Db,
  organisationId: string,
  clientId: string,
  instrumentId: string,
) {
  const episodeId = await currentEpisodeId(db, organisationId, clientId);
  const inEpisode = <T extends { episode_id: string | null }>(rows: T[]) =>
    rows.filter(
      (r) => !episodeId || r.episode_id === null || r.episode_id === episodeId,
    );
  const responses = await db
    .selectFrom("responses")
    .select([
      "instrument_id",
      "instrument_version",
      "total",
      "submitted_at",
      "session_id",
      "episode_id",
    ])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .where("instrument_id", "=", instrumentId)
    .where("valid", "=", 1)
    .execute();
  const sessions = await db
    .selectFrom("sessions")
    .select(["id", "starts_at", "status", "episode_id"])
    .where("organisation_id", "=", organisationId)
    .where("client_id", "=", clientId)
    .execute();
  return { responses: inEpisode(responses), sessions: inEpisode(sessions) };
}
