// Expected-trajectory models: the bundled reference model until the organisation has fitted its
// own (`rapport model fit`), on clients who consented to aggregate statistics.
import { buildSignalInput } from "../../core/signals/buildInput.js";
import { referenceModels } from "../../core/signals/referenceModels.js";
import { parseTrajectoryModel } from "../../core/stats/parseTrajectoryModel.js";
import {
  fitTrajectoryModel,
  type ClientTrajectory,
  type TrajectoryModel,
} from "../../core/stats/trajectoryModel.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import type { Db } from "../db/database.js";
import { consentState } from "../consents/consents.service.js";

export interface ModelInUse {
  model: TrajectoryModel;
  /** Shown wherever the band is: which model drew it. */
  label: string;
}

export const REFERENCE_LABEL = "reference model, not fitted to your clinic";

/** The model each outcome instrument uses in this organisation. */
export async function modelsInUse(
  db: Db,
  organisationId: string,
): Promise<Map<string, ModelInUse>> {
  const models = new Map<string, ModelInUse>(
    [...referenceModels()].map(([id, model]) => [
      id,
      { model, label: REFERENCE_LABEL },
    ]),
  );
  const fitted = await db
    .selectFrom("trajectory_models")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .execute();
  for (const row of fitted) {
    models.set(row.instrument_id, {
      model: parseTrajectoryModel(JSON.parse(row.model)),
      label: `fitted to your clinic's data (${row.n_clients} clients, ${row.fitted_at.slice(0, 10)})`,
    });
  }
  return models;
}

/** Each consenting client's first episode-ordered series of valid totals on the instrument. */
async function trajectories(
  db: Db,
  organisationId: string,
  instrumentId: string,
  now: string,
): Promise<ClientTrajectory[]> {
  const responses = await db
    .selectFrom("responses")
    .select([
      "client_id",
      "instrument_version",
      "total",
      "submitted_at",
      "session_id",
    ])
    .where("organisation_id", "=", organisationId)
    .where("instrument_id", "=", instrumentId)
    .where("valid", "=", 1)
    .execute();
  const byClient = new Map<string, typeof responses>();
  for (const r of responses)
    byClient.set(r.client_id, [...(byClient.get(r.client_id) ?? []), r]);
  const result: ClientTrajectory[] = [];
  for (const [clientId, rows] of byClient) {
    const consents = await consentState(db, organisationId, clientId);
    if (!consents.find((c) => c.kind === "aggregate-statistics")?.granted)
      continue;
    const sessions = await db
      .selectFrom("sessions")
      .select(["id", "starts_at", "status"])
      .where("organisation_id", "=", organisationId)
      .where("client_id", "=", clientId)
      .execute();
    const input = buildSignalInput(
      rows.map((r) => ({
        instrumentId,
        instrumentVersion: r.instrument_version,
        total: r.total,
        subscales: {},
        riskItems: [],
        submittedAt: r.submitted_at,
        sessionId: r.session_id,
      })),
      sessions.map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        status: s.status,
        checkInDue: false, // only the session numbers are read here
      })),
      now,
    );
    const series = [...input.checkIns]
      .filter((c) => c.total !== null)
      .sort((a, b) => a.sessionIndex - b.sessionIndex);
    const intake = series[0];
    if (!intake || intake.total === null) continue;
    const scores = series.slice(1).map((c) => ({
      session: c.sessionIndex - intake.sessionIndex + 1,
      score: c.total ?? 0,
    }));
    result.push({ intake: intake.total, scores });
  }
  return result;
}

export type FitOutcome =
  | { fitted: true; instrumentId: string; nClients: number; converged: boolean }
  | { fitted: false; instrumentId: string; nClients: number; reason: string };

export async function fitOrganisationModel(
  context: AppContext,
  organisationId: string,
  instrumentId: string,
): Promise<FitOutcome> {
  const now = isoNow(context);
  const clients = (
    await trajectories(context.db, organisationId, instrumentId, now)
  ).filter((c) => c.scores.some((s) => s.session >= 2));
  const minimum = context.config.modelMinClients;
  if (clients.length < minimum) {
    return {
      fitted: false,
      instrumentId,
      nClients: clients.length,
      reason: `needs at least ${minimum} consenting clients with two or more scores (RAPPORT_MODEL_MIN_CLIENTS); the reference model stays in use`,
    };
  }
  const model = fitTrajectoryModel(
    instrumentId,
    clients,
    `fitted to organisation ${organisationId} on ${now.slice(0, 10)}`,
  );
  if (!model.converged)
    return {
      fitted: false,
      instrumentId,
      nClients: clients.length,
      reason: "the model did not converge; the previous model stays in use",
    };
  await context.db
    .deleteFrom("trajectory_models")
    .where("organisation_id", "=", organisationId)
    .where("instrument_id", "=", instrumentId)
    .execute();
  await context.db
    .insertInto("trajectory_models")
    .values({
      organisation_id: organisationId,
      instrument_id: instrumentId,
      model: JSON.stringify(model),
      n_clients: clients.length,
      fitted_at: now,
    })
    .execute();
  return {
    fitted: true,
    instrumentId,
    nClients: clients.length,
    converged: model.converged,
  };
}
