// Responses over the API: a therapist records one; whoever may read the client reads the timeline.
import type { RawAnswers } from "../../core/instruments/answerCheck.js";
import type { Actor } from "../auth/actor.js";
import { loadClientFor } from "../access/clientAccess.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import { inTransaction } from "../context.js";
import { deliverSoon } from "../notifications/outbox.js";
import { recordResponse, type RecordOutcome } from "./recordResponse.js";
import {
  listClientResponses,
  listClientScoringHistory,
} from "./responses.repository.js";
import { responseView, type ResponseView } from "./responseView.js";

export interface ResponseFilter {
  instrumentId?: string;
  episodeId?: string;
}

/** A client's stored responses, oldest first, answers decrypted (no access check, no audit). */
export async function clientResponses(
  context: AppContext,
  organisationId: string,
  clientId: string,
  filter: ResponseFilter = {},
): Promise<ResponseView[]> {
  const db = context.db;
  const [rows, history] = await Promise.all([
    listClientResponses(db, organisationId, clientId, filter),
    listClientScoringHistory(db, organisationId, clientId),
  ]);
  return Promise.all(
    rows.map(async (row) => {
      const text = await context.cipher.decrypt(
        db,
        organisationId,
        clientId,
        "responses.answers",
        row.answers_enc,
      );
      const answers = JSON.parse(text) as Record<string, number>;
      const earlier = history.filter((h) => h.response_id === row.id);
      return responseView(row, answers, earlier);
    }),
  );
}

export async function listResponses(
  context: AppContext,
  actor: Actor,
  clientId: string,
  filter: ResponseFilter,
): Promise<ResponseView[]> {
  await loadClientFor(context, actor, clientId, "read");
  const items = await clientResponses(
    context,
    actor.organisationId,
    clientId,
    filter,
  );
  await audit(context, actor, clientId, "response.list");
  return items;
}

export async function submitResponse(
  context: AppContext,
  actor: Actor,
  clientId: string,
  body: {
    instrumentId: string;
    version?: string;
    sessionId?: string;
    episodeId?: string;
    answers: RawAnswers;
    submittedAt?: string;
  },
): Promise<RecordOutcome> {
  await loadClientFor(context, actor, clientId, "write");
  const outcome = await inTransaction(context.db, (trx) =>
    recordResponse(context, trx, {
      ...body,
      organisationId: actor.organisationId,
      clientId,
      recordedBy: actor.memberId,
      source: "therapist",
      auditSource: actor.source,
    }),
  );
  // The risk notice was queued in the transaction; send it now rather than at the next poll.
  if (outcome.riskNotified) deliverSoon(context);
  return outcome;
}
