// The one way a response enters the database. The transaction is the caller's, so alert
// evaluation (issue 6) can run in it and the client check-in (issue 5) can call it with no member.
// A response refused as unscorable still raises the alert for its risk answers (issue 14).
import type {
  RawAnswers,
  ScoreReason,
} from "../../core/instruments/answerCheck.js";
import type { RiskHit } from "../../core/instruments/interpret.js";
import { score, type ScoreResult } from "../../core/instruments/score.js";
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import type { Pack } from "../../core/instruments/packSchema.js";
import {
  appendAudit,
  type AuditEntryInput,
} from "../audit/audit.repository.js";
import { requireConsent } from "../consents/consents.service.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { newId } from "../ids.js";
import type { Db } from "../db/database.js";
import type { ResponseSource, ResponseTable } from "../db/schema.js";
import {
  findEpisode,
  listEpisodeRows,
} from "../episodes/episodes.repository.js";
import { AppError, notFound } from "../errors.js";
import { resolvePack } from "../instruments/instrumentCatalogue.js";
import { findSession } from "../sessions/sessions.repository.js";
import { insertResponses } from "./responses.repository.js";
import { scoringColumns } from "./storedScoring.js";
import { responseView, type ResponseView } from "./responseView.js";

export interface ResponseInput {
  organisationId: string;
  clientId: string;
  instrumentId: string;
  /** A specific pack version; the latest when absent. */
  version?: string;
  sessionId?: string;
  episodeId?: string;
  /** Answer values keyed by linkId: option positions, before any reversal. */
  answers: RawAnswers;
  submittedAt?: string;
  /** The member who entered it; null for a client's own check-in. */
  recordedBy: string | null;
  source: ResponseSource;
  /** Where the request came from, for the audit trail. */
  auditSource: string | null;
}

/** The episode a response belongs to: the one named, else its session's, else the open one. */
async function episodeFor(
  trx: Db,
  input: ResponseInput,
): Promise<string | null> {
  const org = input.organisationId;
  const session = input.sessionId
    ? await findSession(trx, org, input.clientId, input.sessionId)
    : undefined;
  if (input.sessionId && !session) throw notFound("session");
  if (input.episodeId) {
    if (!(await findEpisode(trx, org, input.clientId, input.episodeId)))
      throw notFound("episode");
    if (session?.episode_id && session.episode_id !== input.episodeId)
      throw new AppError(
        "validation",
        "the session belongs to another episode than the one given",
      );
    return input.episodeId;
  }
  if (session) return session.episode_id;
  const open = (await listEpisodeRows(trx, org, input.clientId)).filter(
    (e) => e.discharged_at === null,
  );
  return open.at(-1)?.id ?? null;
}

/** What became of a response: stored, or refused as unscorable with its risk answers alerted. */
export type RecordOutcome =
  | {
      kind: "stored";
      response: ResponseView;
      /** Alerts created, and risk alerts joined. */
      alertIds: string[];
      riskNotified: boolean;
    }
  | {
      kind: "refused-unscorable";
      message: string;
      reasons: ScoreReason[];
      riskItems: RiskHit[];
      alertIds: string[];
      riskNotified: boolean;
    };

/**
 * Scores and stores one response with the client's routine-measurement consent, raising its
 * alerts in the same transaction. An unknown instrument, version, session or episode, or answers
 * that do not score, store nothing; but a refused response that holds a triggering risk answer
 * still raises (or joins) the risk alert, its risk answers alone kept encrypted as the alert's
 * evidence, and the outcome says both. The caller has checked that the actor may write to this
 * client, and delivers the outbox after commit when riskNotified.
 */
export async function recordResponse(
  context: AppContext,
  trx: Db,
  input: ResponseInput,
): Promise<RecordOutcome> {
  const org = input.organisationId;
  await requireConsent(trx, org, input.clientId, "routine-measurement");
  const { pack } = await resolvePack(
    trx,
    org,
    input.instrumentId,
    input.version,
  );
  const result = score(pack, input.answers);
  if (!result.valid && result.riskItems.length > 0)
    return refuseRaisingRisk(context, trx, pack, input, result);
  const prepared = await prepareResponse(context, trx, pack, input);
  const response = responseView(
    await insertPreparedResponse(trx, prepared),
    prepared.answers,
    [],
  );
  await appendAudit(trx, auditEntryOf(prepared));
  // Alerts are raised in the same transaction: a risk answer is never stored without its alert.
  const evaluation = await evaluateClientAlerts(
    context,
    trx,
    org,
    input.clientId,
  );
  return { kind: "stored", response, ...evaluation };
}

function answeredAt(context: AppContext, input: ResponseInput): string {
  return new Date(input.submittedAt ?? isoNow(context)).toISOString();
}

async function refuseRaisingRisk(
  context: AppContext,
  trx: Db,
  pack: Pack,
  input: ResponseInput,
  result: ScoreResult,
): Promise<RecordOutcome> {
  const evaluation = await evaluateClientAlerts(
    context,
    trx,
    input.organisationId,
    input.clientId,
    {
      pendingRisk: result.riskItems.map((hit) => ({
        instrumentId: pack.id,
        label: pack.questionnaire.title ?? pack.id,
        linkId: hit.linkId,
        answer: hit.value,
        answeredAt: answeredAt(context, input),
        responseId: null,
        total: null,
        from: "unscorable" as const,
        checkinId: null,
      })),
    },
  );
  return {
    kind: "refused-unscorable",
    message: unscorableMessage(pack, result),
    reasons: result.reasons ?? [],
    riskItems: result.riskItems,
    ...evaluation,
  };
}

function unscorableMessage(pack: Pack, result: ScoreResult): string {
  return `the answers do not make a complete ${pack.id} response: ${(result.reasons ?? []).map((r) => r.message).join("; ")}`;
}

/** A response scored and encrypted ahead of its transaction: only the writes remain. */
export interface PreparedResponse {
  input: ResponseInput;
  row: Omit<ResponseTable, "episode_id">;
  answers: Record<string, number>;
}

/**
 * Scores and encrypts a response without writing anything (db serves the client's key only),
 * so a caller can do this work before it opens its transaction. Answers that do not score
 * are a validation error.
 */
export async function prepareResponse(
  context: AppContext,
  db: Db,
  pack: Pack,
  input: ResponseInput,
): Promise<PreparedResponse> {
  const org = input.organisationId;
  const result = score(pack, input.answers);
  if (!result.valid)
    throw new AppError("validation", unscorableMessage(pack, result), {
      reasons: result.reasons ?? [],
      riskItems: result.riskItems,
    });
  const answers = Object.fromEntries(
    Object.entries(input.answers).filter(
      (e): e is [string, number] => typeof e[1] === "number",
    ),
  );
  const at = isoNow(context);
  const row = {
    id: newId(at),
    organisation_id: org,
    client_id: input.clientId,
    session_id: input.sessionId ?? null,
    instrument_id: pack.id,
    answers_enc: await context.cipher.encrypt(
      db,
      org,
      input.clientId,
      "responses.answers",
      JSON.stringify(answers),
    ),
    ...scoringColumns(result, at),
    submitted_at: answeredAt(context, input),
    recorded_by: input.recordedBy,
    source: input.source,
    created_at: at,
  };
  return { input, row, answers };
}

/**
 * Stores a prepared response in its episode and returns the stored row. The caller has checked
 * the client's routine-measurement consent in this transaction, and appends
 * auditEntryOf(prepared).
 */
export async function insertPreparedResponse(
  trx: Db,
  prepared: PreparedResponse,
): Promise<ResponseTable> {
  const row: ResponseTable = {
    ...prepared.row,
    episode_id: await episodeFor(trx, prepared.input),
  };
  await insertResponses(trx, [row]);
  return row;
}

export function auditEntryOf(prepared: PreparedResponse): AuditEntryInput {
  return {
    organisationId: prepared.input.organisationId,
    actorId: prepared.input.recordedBy,
    clientId: prepared.input.clientId,
    action: "response.create",
    source: prepared.input.auditSource,
    at: prepared.row.created_at,
  };
}
