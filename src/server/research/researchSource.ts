// Loads one organisation's consenting clients for the research export (ids and dates still in;
// src/core/research replaces them). Left-out clients are counted by reason.
import type { Pack } from "../../core/instruments/packSchema.js";
import type { SourceClient } from "../../core/research/source.js";
import type { AgeBand, Gender } from "../../core/research/quasiIdentifiers.js";
import type { AppContext } from "../context.js";
import { clientsConsenting } from "../consents/consents.service.js";
import { packsByVersion } from "../instruments/instrumentCatalogue.js";
import { clientResponses } from "../responses/responses.service.js";

export interface Period {
  /** ISO dates; an episode is included when it opened in [from, to). */
  from?: string;
  to?: string;
}

export const NO_CONSENT = "no research-export consent";
export const NO_EPISODE = "no episode opened in the period";

export interface LoadedSource {
  clients: SourceClient[];
  leftOut: Record<string, number>;
  packs: ReadonlyMap<string, Pack>;
}

function inPeriod(at: string, period: Period): boolean {
  return (!period.from || at >= period.from) && (!period.to || at < period.to);
}

async function loadClient(
  context: AppContext,
  org: string,
  row: {
    id: string;
    therapist_id: string;
    age_band_enc: string | null;
    gender_enc: string | null;
  },
  packs: ReadonlyMap<string, Pack>,
  period: Period,
): Promise<SourceClient> {
  const db = context.db;
  const open = (
    field: "clients.age_band" | "clients.gender",
    v: string | null,
  ) => (v === null ? null : context.cipher.decrypt(db, org, row.id, field, v));
  const [episodes, sessions, responses, alerts, transcripts] =
    await Promise.all([
      db
        .selectFrom("episodes")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("client_id", "=", row.id)
        .execute(),
      db
        .selectFrom("sessions")
        .selectAll()
        .where("organisation_id", "=", org)
        .where("client_id", "=", row.id)
        .execute(),
      clientResponses(context, org, row.id),
      db
        .selectFrom("alerts")
        .select(["kind", "severity", "signal_at"])
        .where("organisation_id", "=", org)
        .where("client_id", "=", row.id)
        .execute(),
      db
        .selectFrom("transcripts")
        .select(["session_id", "profile"])
        .where("organisation_id", "=", org)
        .where("client_id", "=", row.id)
        .where("status", "=", "done")
        .execute(),
    ]);
  return {
    id: row.id,
    therapistId: row.therapist_id,
    ageBand: (await open(
      "clients.age_band",
      row.age_band_enc,
    )) as AgeBand | null,
    gender: (await open("clients.gender", row.gender_enc)) as Gender | null,
    episodes: episodes
      .filter((e) => inPeriod(e.opened_at, period))
      .map((e) => ({
        id: e.id,
        openedAt: e.opened_at,
        dischargedAt: e.discharged_at,
      })),
    sessions: sessions.map((s) => ({
      id: s.id,
      episodeId: s.episode_id,
      startsAt: s.starts_at,
      status: s.status,
    })),
    responses: responses.map((r) => ({
      episodeId: r.episodeId,
      sessionId: r.sessionId,
      submittedAt: r.submittedAt,
      instrumentId: r.instrumentId,
      instrumentVersion: r.instrumentVersion,
      instrumentKind:
        packs.get(`${r.instrumentId}|${r.instrumentVersion}`)?.kind ??
        "unknown",
      answers: r.answers,
      total: r.total,
      band: r.band,
      valid: r.valid,
    })),
    alerts: alerts.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      signalAt: a.signal_at,
    })),
    transcripts: transcripts.flatMap((t) =>
      t.profile === null
        ? []
        : [
            {
              sessionId: t.session_id,
              profile: JSON.parse(t.profile) as unknown,
            },
          ],
    ),
  };
}

export async function loadResearchSource(
  context: AppContext,
  organisationId: string,
  period: Period,
): Promise<LoadedSource> {
  const db = context.db;
  const [rows, consenting, packs] = await Promise.all([
    db
      .selectFrom("clients")
      .select(["id", "therapist_id", "age_band_enc", "gender_enc"])
      .where("organisation_id", "=", organisationId)
      .orderBy("id")
      .execute(),
    clientsConsenting(db, organisationId, "research-export"),
    packsByVersion(db, organisationId),
  ]);
  const leftOut: Record<string, number> = {};
  const count = (reason: string) =>
    (leftOut[reason] = (leftOut[reason] ?? 0) + 1);
  const clients: SourceClient[] = [];
  for (const row of rows) {
    if (!consenting.has(row.id)) {
      count(NO_CONSENT);
      continue;
    }
    const client = await loadClient(
      context,
      organisationId,
      row,
      packs,
      period,
    );
    if (client.episodes.length === 0) count(NO_EPISODE);
    else clients.push(client);
  }
  return { clients, leftOut, packs };
}
