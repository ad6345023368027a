// Evaluates a client's signals and keeps their alerts in step: one unresolved alert per cause,
// updated in place when its severity or explanation changes. Runs inside the caller's
// transaction, so a response and the alerts it raises commit together.
import { buildSignalInput } from "../../core/signals/buildInput.js";
import {
  DEFAULT_SIGNAL_OPTIONS,
  evaluateSignals,
} from "../../core/signals/index.js";
import { signalParamsFromPack } from "../../core/signals/fromPack.js";
import type {
  InstrumentSignalParams,
  Signal,
  SignalOptions,
} from "../../core/signals/types.js";
import type { RiskHit } from "../../core/instruments/interpret.js";
import type { AppContext } from "../context.js";
import { newId } from "../ids.js";
import type { CommitBatch } from "../db/commitBatch.js";
import type { Db } from "../db/database.js";
import { preparedQuery } from "../db/preparedQuery.js";
import { listEpisodeRows } from "../episodes/episodes.repository.js";
import { findOrganisationSettings } from "../organisations/organisations.repository.js";
import { catalogue, latestOfEach } from "../instruments/instrumentCatalogue.js";
import {
  alertsByCause,
  insertAlert,
  updateAlert,
} from "./alerts.repository.js";
import { modelsInUse } from "./trajectoryModels.js";
import { raiseRiskAlerts, type PendingRiskAnswer } from "./riskAlerts.js";

const RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export interface OrganisationSignalSettings {
  ruptureMode?: "sensitive" | "strict";
  noImprovementBySession?: number;
}

export function signalOptions(
  settings: OrganisationSignalSettings,
): SignalOptions {
  return {
    ...DEFAULT_SIGNAL_OPTIONS,
    rupture: {
      ...DEFAULT_SIGNAL_OPTIONS.rupture,
      mode: settings.ruptureMode ?? DEFAULT_SIGNAL_OPTIONS.rupture.mode,
    },
    noImprovement: {
      bySession:
        settings.noImprovementBySession ??
        DEFAULT_SIGNAL_OPTIONS.noImprovement.bySession,
    },
  };
}

type ParamsByInstrument = Record<string, InstrumentSignalParams>;

async function computeInstrumentParams(
  db: Db,
  organisationId: string,
): Promise<ParamsByInstrument> {
  const models = new Map(
    [...(await modelsInUse(db, organisationId))].map(([id, m]) => [
      id,
      m.model,
    ]),
  );
  const params: ParamsByInstrument = {};
  for (const { pack } of latestOfEach(await catalogue(db, organisationId))) {
    const p = signalParamsFromPack(pack, models.get(pack.id));
    if (p) params[pack.id] = p;
  }
  return params;
}

/**
 * Per organisation, the params last computed and the stamp of what they were computed from.
 * Installed pack versions are immutable and only added; a fitted model is replaced whole. So the
 * list of installed versions and the stored models decide the params, and comparing them is far
 * cheaper than parsing packs and models again. It also sees an install made by another process.
 */
const paramsCache = new Map<
  string,
  { stamp: string; params: ParamsByInstrument }
>();

async function paramsStamp(db: Db, organisationId: string): Promise<string> {
  const packs = await db
    .selectFrom("instrument_packs")
    .select(["instrument_id", "version"])
    .where("organisation_id", "=", organisationId)
    .orderBy("instrument_id")
    .orderBy("version")
    .execute();
  const models = await db
    .selectFrom("trajectory_models")
    .select(["instrument_id", "fitted_at", "model"])
    .where("organisation_id", "=", organisationId)
    .orderBy("instrument_id")
    .execute();
  return JSON.stringify([packs, models]);
}

async function instrumentParams(
  db: Db,
  organisationId: string,
): Promise<ParamsByInstrument> {
  const stamp = await paramsStamp(db, organisationId);
  const cached = paramsCache.get(organisationId);
  if (cached?.stamp === stamp) return cached.params;
  const params = await computeInstrumentParams(db, organisationId);
  paramsCache.set(organisationId, { stamp, params });
  return params;
}

type ClientKey = { organisationId: string; clientId: string };

// Read on every response stored, so prepared once.
const signalResponses = preparedQuery((db, a: ClientKey) =>
  db
    .selectFrom("responses")
    .select([
      "instrument_id",
      "instrument_version",
      "total",
      "subscales",
      "risk_items",
      "submitted_at",
      "session_id",
      "episode_id",
      "valid",
    ])
    .where("organisation_id", "=", a.organisationId)
    .where("client_id", "=", a.clientId),
);
const signalSessions = preparedQuery((db, a: ClientKey) =>
  db
    .selectFrom("sessions")
    .select(["id", "starts_at", "status", "episode_id"])
    .where("organisation_id", "=", a.organisationId)
    .where("client_id", "=", a.clientId),
);
// The check-ins asked for a session (by the schedule or by hand): only those can be missed.
const requestedCheckins = preparedQuery((db, a: ClientKey) =>
  db
    .selectFrom("checkins")
    .select(["session_id", "status", "expires_at"])
    .where("organisation_id", "=", a.organisationId)
    .where("client_id", "=", a.clientId)
    .where("session_id", "is not", null)
    .where("status", "!=", "cancelled"),
);

/** Reads of the organisation, made once for all clients evaluated in one group commit. */
type SharedReads = Pick<CommitBatch, "once">;

async function organisationSettings(
  db: Db,
  organisationId: string,
): Promise<OrganisationSignalSettings> {
  const org = await findOrganisationSettings(db, organisationId);
  return JSON.parse(org.settings) as OrganisationSignalSettings;
}

async function signalsFor(
  trx: Db,
  organisationId: string,
  clientId: string,
  now: string,
  shared?: SharedReads,
): Promise<{ signals: Signal[]; params: ParamsByInstrument }> {
  const once = <T>(key: string, read: () => Promise<T>) =>
    shared ? shared.once(`${key}:${organisationId}`, read) : read();
  // The latest episode. A client has a few: listing them costs SQLite far less than the sort
  // it sets up for "order by … limit ?" (tens of microseconds, on every response).
  const episode = (await listEpisodeRows(trx, organisationId, clientId)).at(-1);
  const inEpisode = <T extends { episode_id: string | null }>(rows: T[]) =>
    rows.filter(
      (r) => !episode || r.episode_id === null || r.episode_id === episode.id,
    );
  const client = { organisationId, clientId };
  const responses = inEpisode((await signalResponses(trx, client)).rows);
  const sessions = inEpisode((await signalSessions(trx, client)).rows);
  // Due once its link has closed: answered, or expired unanswered (an open one is still pending).
  const due = new Set(
    (await requestedCheckins(trx, client)).rows
      .filter((r) => r.status === "completed" || r.expires_at <= now)
      .map((r) => r.session_id),
  );
  const input = buildSignalInput(
    responses.map((r) => ({
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      total: r.valid === 1 ? r.total : null,
      subscales: JSON.parse(r.subscales) as Record<string, number | null>,
      riskItems: (JSON.parse(r.risk_items) as RiskHit[]).map((h) => ({
        linkId: h.linkId,
        value: h.value,
      })),
      submittedAt: r.submitted_at,
      sessionId: r.session_id,
    })),
    sessions.map((s) => ({
      id: s.id,
      startsAt: s.starts_at,
      status: s.status,
      checkInDue: due.has(s.id),
    })),
    now,
  );
  const settings = await once("signal-settings", () =>
    organisationSettings(trx, organisationId),
  );
  const params = await once("signal-params", () =>
    instrumentParams(trx, organisationId),
  );
  return {
    signals: evaluateSignals(input, {
      instruments: params,
      options: signalOptions(settings),
    }),
    params,
  };
}

/**
 * Signals a therapist must act on become alerts. Good news (reliable improvement, recovery) and
 * ruptures already repaired before anyone was alerted stay signals on the timeline (design
 * choice, docs/signals.md). Risk is not raised from signals but answer by answer (riskAlerts.ts).
 */
const ALERT_KINDS = new Set([
  "rupture",
  "not-on-track",
  "reliable-deterioration",
  "no-improvement",
  "disengagement",
]);

function alerting(signal: Signal, existing: boolean): boolean {
  if (!ALERT_KINDS.has(signal.kind)) return false;
  return (
    existing ||
    signal.kind !== "rupture" ||
    signal.evidence.repair !== "repaired"
  );
}

/** The client's current signals (all kinds), most severe first. */
export async function clientSignals(
  context: AppContext,
  organisationId: string,
  clientId: string,
): Promise<Signal[]> {
  return (
    await signalsFor(
      context.db,
      organisationId,
      clientId,
      context.clock().toISOString(),
    )
  ).signals;
}

export interface EvaluateOptions {
  /** Risk answers in no stored response: a check-in draft's, a refused unscorable response's. */
  pendingRisk?: readonly PendingRiskAnswer[];
  /** The check-in just submitted: answers its draft already alerted on are not emailed twice. */
  checkinId?: string;
  /** False only for the demo seed: no email about invented clients. */
  notify?: boolean;
  /** The group commit's batch, when evaluating in one: organisation reads are shared. */
  shared?: SharedReads;
}

export interface Evaluation {
  /** Alerts created, and risk alerts joined by a new answer. */
  alertIds: string[];
  /** A risk notice to the therapist was queued in the outbox (deliver it after commit). */
  riskNotified: boolean;
}

/**
 * Keeps the client's alerts in step with their records and raises (or joins) a risk alert for every
 * risk answer not yet on one; a response, a re-score, a draft and the hourly job all call this.
 */
export async function evaluateClientAlerts(
  context: Pick<AppContext, "clock" | "config" | "cipher">,
  trx: Db,
  organisationId: string,
  clientId: string,
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const now = context.clock().toISOString();
  const { signals, params } = await signalsFor(
    trx,
    organisationId,
    clientId,
    now,
    options.shared,
  );
  const alerts = await alertsByCause(trx, organisationId, clientId);
  const open = new Map(alerts.open.map((a) => [a.cause_key, a]));
  const resolved = alerts.resolved;
  const created: string[] = [];
  const seen = new Set<string>();
  for (const signal of signals) {
    if (seen.has(signal.causeKey)) continue;
    seen.add(signal.causeKey);
    if (!alerting(signal, open.has(signal.causeKey))) continue;
    const fields = {
      kind: signal.kind,
      severity: signal.severity,
      severity_rank: RANK[signal.severity],
      instrument_id: signal.instrumentId,
      rule: signal.rule,
      explanation: signal.explanation,
      evidence: JSON.stringify(signal.evidence),
      signal_at: signal.at,
    };
    const existing = open.get(signal.causeKey);
    if (existing) {
      if (
        existing.severity !== signal.severity ||
        existing.explanation !== signal.explanation
      ) {
        await updateAlert(trx, organisationId, existing.id, {
          ...fields,
          updated_at: now,
        });
      }
      continue;
    }
    // A resolved cause comes back only when the evidence is newer than the resolution.
    const resolvedAt = resolved.get(signal.causeKey);
    if (resolvedAt && signal.at <= resolvedAt) continue;
    const id = newId(now);
    await insertAlert(trx, {
      id,
      organisation_id: organisationId,
      client_id: clientId,
      cause_key: signal.causeKey,
      ...fields,
      status: "open",
      created_at: now,
      updated_at: now,
      acknowledged_by: null,
      acknowledged_at: null,
      note_enc: null,
      resolved_by: null,
      resolved_at: null,
      escalated_at: null,
    });
    created.push(id);
  }
  const risk = await raiseRiskAlerts(
    context,
    trx,
    organisationId,
    clientId,
    (id) => params[id]?.label ?? id,
    {
      ...(options.pendingRisk ? { pending: options.pendingRisk } : {}),
      ...(options.checkinId ? { checkinId: options.checkinId } : {}),
      ...(options.notify === false ? { notify: false } : {}),
    },
  );
  return {
    alertIds: [...created, ...risk.alertIds],
    riskNotified: risk.notified,
  };
}
