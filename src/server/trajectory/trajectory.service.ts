// The expected-trajectory band of one outcome instrument for one client, from the model the
// organisation uses (the reference model until it has fitted its own), and which model that is.
import { loadClientFor } from "../access/clientAccess.js";
import type { Actor } from "../auth/actor.js";
import { buildSignalInput } from "../../core/signals/buildInput.js";
import { DEFAULT_SIGNAL_OPTIONS } from "../../core/signals/defaults.js";
import {
  trajectoryBand,
  type TrajectoryBand,
} from "../../core/signals/trajectoryBand.js";
import { modelsInUse, REFERENCE_LABEL } from "../alerts/trajectoryModels.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { notFound } from "../errors.js";
import { totalRange } from "../../core/instruments/itemValues.js";
import { resolvePack } from "../instruments/instrumentCatalogue.js";
import { episodeSeries } from "./trajectory.repository.js";

/** Sessions of band drawn past the latest score, so the next session's range is visible. */
const SESSIONS_AHEAD = 2;

export interface TrajectoryView extends Omit<
  TrajectoryBand,
  "intake" | "clamped"
> {
  instrumentId: string;
  /** The first score of the series; null (and no points) before the client has one. */
  intake: number | null;
  /** Which model drew the band, in words, e.g. "reference model, not fitted to your clinic". */
  label: string;
  model: "reference" | "fitted";
  levels: { yellow: number; red: number };
  /** Whether a band edge fell outside the instrument's range and was clamped to it. */
  clamped: boolean;
}

export async function clientTrajectory(
  context: AppContext,
  actor: Actor,
  clientId: string,
  instrumentId: string,
): Promise<TrajectoryView> {
  await loadClientFor(context, actor, clientId, "read");
  const inUse = (await modelsInUse(context.db, actor.organisationId)).get(
    instrumentId,
  );
  if (!inUse) throw notFound(`expected-trajectory model for "${instrumentId}"`);
  const { responses, sessions } = await episodeSeries(
    context.db,
    actor.organisationId,
    clientId,
    instrumentId,
  );
  await audit(context, actor, clientId, "trajectory.read");
  const input = buildSignalInput(
    responses.map((r) => ({
      instrumentId: r.instrument_id,
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
    isoNow(context),
  );
  const levels = DEFAULT_SIGNAL_OPTIONS.notOnTrack;
  const { pack } = await resolvePack(
    context.db,
    actor.organisationId,
    instrumentId,
  );
  const range = totalRange(pack);
  const band = trajectoryBand(
    input,
    instrumentId,
    inUse.model,
    levels,
    SESSIONS_AHEAD,
    range,
  );
  return {
    instrumentId,
    label: inUse.label,
    model: inUse.label === REFERENCE_LABEL ? "reference" : "fitted",
    levels: { yellow: levels.yellowLevel, red: levels.redLevel },
    ...(band ?? {
      intake: null,
      scores: [],
      points: [],
      range,
      clamped: false,
    }),
  };
}
