// Re-scores an instrument's stored responses with its latest version; each superseded scoring
// moves to response_scorings first, so the original is never lost. The clients' alerts are
// re-evaluated in the same transaction: a risk answer the new version triggers on is alerted.
import { score } from "../../core/instruments/score.js";
import { evaluateClientAlerts } from "../alerts/evaluateAlerts.js";
import { appendAudit } from "../audit/audit.repository.js";
import { deliverSoon } from "../notifications/outbox.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { newId } from "../ids.js";
import type {
  ResponseScoringTable,
  ResponseTable,
  ScoringColumns,
} from "../db/schema.js";
import {
  insertScoringHistory,
  listInstrumentResponses,
  replaceScoring,
} from "../responses/responses.repository.js";
import { scoringColumns } from "../responses/storedScoring.js";
import { resolvePack } from "./instrumentCatalogue.js";

export interface RescoreReport {
  instrumentId: string;
  version: string;
  rescored: number;
  totalChanged: number;
  nowInvalid: number;
}

function history(
  row: ResponseTable,
  at: string,
  by: string | null,
): ResponseScoringTable {
  return {
    id: newId(at),
    organisation_id: row.organisation_id,
    client_id: row.client_id,
    response_id: row.id,
    instrument_version: row.instrument_version,
    total: row.total,
    band: row.band,
    valid: row.valid,
    subscales: row.subscales,
    risk_items: row.risk_items,
    result: row.result,
    scored_at: row.scored_at,
    replaced_at: at,
    replaced_by: by,
  };
}

export async function rescoreInstrument(
  context: AppContext,
  organisationId: string,
  instrumentId: string,
  by: { memberId: string | null; source: string | null },
): Promise<RescoreReport> {
  const { pack } = await resolvePack(context.db, organisationId, instrumentId);
  const stale = (
    await listInstrumentResponses(context.db, organisationId, instrumentId)
  ).filter((r) => r.instrument_version !== pack.version);
  const at = isoNow(context);
  const rescored: { row: ResponseTable; columns: ScoringColumns }[] = [];
  for (const row of stale) {
    const text = await context.cipher.decrypt(
      context.db,
      organisationId,
      row.client_id,
      "responses.answers",
      row.answers_enc,
    );
    const result = score(pack, JSON.parse(text) as Record<string, number>);
    rescored.push({ row, columns: scoringColumns(result, at) });
  }
  const clients = [...new Set(rescored.map((r) => r.row.client_id))];
  const notified = await context.db.transaction().execute(async (trx) => {
    await insertScoringHistory(
      trx,
      rescored.map((r) => history(r.row, at, by.memberId)),
    );
    for (const { row, columns } of rescored)
      await replaceScoring(trx, organisationId, row.id, columns);
    await appendAudit(
      trx,
      clients.map((clientId) => ({
        organisationId,
        actorId: by.memberId,
        clientId,
        action: "response.rescore",
        source: by.source,
        at,
      })),
    );
    // New scores are new evidence: alerts are re-evaluated, and notified, as for a new response.
    let risk = false;
    for (const clientId of clients)
      risk ||= (
        await evaluateClientAlerts(context, trx, organisationId, clientId)
      ).riskNotified;
    return risk;
  });
  if (notified) deliverSoon(context);
  return {
    instrumentId,
    version: pack.version,
    rescored: rescored.length,
    totalChanged: rescored.filter((r) => r.columns.total !== r.row.total)
      .length,
    nowInvalid: rescored.filter((r) => r.columns.valid === 0).length,
  };
}
