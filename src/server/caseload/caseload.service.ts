// The caseload: the caller's visible clients, most in need of attention first, each with its
// top unresolved alert in words (an acknowledged one stays until resolved) and its latest
// alliance and outcome scores. A handful of set-based queries whatever the caseload's size; only
// the page's names are decrypted, and audited.
import type { Actor } from "../auth/actor.js";
import { visibleScope } from "../access/clientAccess.js";
import { audit } from "../clients/clients.service.js";
import type { AppContext } from "../context.js";
import type { ClientStatus } from "../db/schema.js";
import { AppError } from "../errors.js";
import type { TalkingTherapiesEpisodeOutcome } from "../../core/instruments/talkingTherapiesEpisode.js";
import { episodeOutcomes } from "../episodes/episodeOutcomes.js";
import { catalogue, latestOfEach } from "../instruments/instrumentCatalogue.js";
import {
  attentionReason,
  compareAlerts,
  minutesWaiting,
  topAlertPerClient,
} from "./attentionReason.js";
import {
  caseloadClients,
  unresolvedAlertsOf,
  recentTotals,
  type CaseloadClientRow,
  type OpenAlertRow,
} from "./caseload.repository.js";
import {
  groupByClient,
  latestScore,
  type LatestScore,
} from "./latestScores.js";

/** How many totals a row's trend line shows. */
const TREND_LENGTH = 6;

export interface CaseloadScore extends LatestScore {
  /** False for instruments without published validation (e.g. the Rapport alliance check-in). */
  validated: boolean;
}

export interface CaseloadItem {
  clientId: string;
  name: string;
  therapistId: string;
  status: ClientStatus;
  attention: {
    alertId: string;
    kind: string;
    reason: string;
    severity: string;
    explanation: string;
    since: string;
    status: "open" | "acknowledged";
    /** Minutes since the alert was raised while nobody has acknowledged it; else null. */
    waitingMinutes: number | null;
    acknowledged: { by: string; byName: string | null; at: string } | null;
  } | null;
  /** Alerts not yet resolved (acknowledged ones included). */
  openAlerts: number;
  alliance: CaseloadScore | null;
  outcome: CaseloadScore | null;
  /** NHS Talking Therapies outcome of the latest episode (PHQ-9 and GAD-7 paired), or null. */
  episodeOutcome: TalkingTherapiesEpisodeOutcome | null;
}

interface Ranked {
  client: CaseloadClientRow;
  top: OpenAlertRow | null;
  open: number;
  alliance: CaseloadScore | null;
  outcome: CaseloadScore | null;
}

const lastActivity = (r: Ranked) =>
  [r.alliance?.at ?? "", r.outcome?.at ?? ""].sort().at(-1) ?? "";

/** Attention first, then the most recent score, then the newest client. */
function compareRanked(a: Ranked, b: Ranked): number {
  if (a.top && b.top) return compareAlerts(a.top, b.top) || tieBreak(a, b);
  if (a.top || b.top) return a.top ? -1 : 1;
  return tieBreak(a, b);
}

function tieBreak(a: Ranked, b: Ranked): number {
  return (
    lastActivity(b).localeCompare(lastActivity(a)) ||
    b.client.created_at.localeCompare(a.client.created_at) ||
    a.client.id.localeCompare(b.client.id)
  );
}

async function instrumentKinds(context: AppContext, organisationId: string) {
  const packs = latestOfEach(await catalogue(context.db, organisationId));
  const ids = (kind: string) =>
    new Set(packs.filter((p) => p.pack.kind === kind).map((p) => p.pack.id));
  return {
    alliance: ids("alliance"),
    outcome: ids("outcome"),
    validated: new Map(packs.map((p) => [p.pack.id, p.pack.validated])),
  };
}

async function rank(
  context: AppContext,
  actor: Actor,
  clients: CaseloadClientRow[],
): Promise<Ranked[]> {
  const ids = clients.map((c) => c.id);
  const kinds = await instrumentKinds(context, actor.organisationId);
  const [alerts, totals] = await Promise.all([
    unresolvedAlertsOf(context.db, actor.organisationId, ids),
    recentTotals(
      context.db,
      actor.organisationId,
      ids,
      [...kinds.alliance, ...kinds.outcome],
      TREND_LENGTH,
    ),
  ]);
  const tops = topAlertPerClient(alerts);
  const scores = groupByClient(totals);
  const withLabel = (score: LatestScore | null): CaseloadScore | null =>
    score && {
      ...score,
      validated: kinds.validated.get(score.instrumentId) ?? false,
    };
  return clients.map((client) => {
    const rows = scores.get(client.id) ?? [];
    const alert = tops.get(client.id);
    return {
      client,
      top: alert?.top ?? null,
      open: alert?.open ?? 0,
      alliance: withLabel(latestScore(rows, kinds.alliance)),
      outcome: withLabel(latestScore(rows, kinds.outcome)),
    };
  });
}

function attentionOf(
  context: AppContext,
  top: OpenAlertRow,
): NonNullable<CaseloadItem["attention"]> {
  return {
    alertId: top.id,
    kind: top.kind,
    reason: attentionReason(top),
    severity: top.severity,
    explanation: top.explanation,
    since: top.created_at,
    status: top.status,
    waitingMinutes: minutesWaiting(top, context.clock()),
    acknowledged:
      top.status === "acknowledged" &&
      top.acknowledged_by &&
      top.acknowledged_at
        ? {
            by: top.acknowledged_by,
            byName: top.acknowledged_by_name,
            at: top.acknowledged_at,
          }
        : null,
  };
}
async function item(
  context: AppContext,
  r: Ranked,
  outcome: TalkingTherapiesEpisodeOutcome | null,
): Promise<CaseloadItem> {
  return {
    clientId: r.client.id,
    name: await context.cipher.decrypt(
      context.db,
      r.client.organisation_id,
      r.client.id,
      "clients.name",
      r.client.name_enc,
    ),
    therapistId: r.client.therapist_id,
    status: r.client.status,
    attention: r.top && attentionOf(context, r.top),
    openAlerts: r.open,
    alliance: r.alliance,
    outcome: r.outcome,
    episodeOutcome: outcome,
  };
}

export async function caseload(
  context: AppContext,
  actor: Actor,
  query: {
    limit: number;
    cursor?: string;
    status?: ClientStatus;
  },
): Promise<{ items: CaseloadItem[]; next: string | null }> {
  const offset = query.cursor ? Number(query.cursor) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw new AppError("validation", "cursor is not valid");
  const scope = await visibleScope(context.db, actor);
  const clients = await caseloadClients(
    context.db,
    actor.organisationId,
    {
      therapistIds: scope.therapistIds,
      sharedWith: scope.sharedWithMe ? actor.memberId : null,
    },
    query.status ? { status: query.status } : {},
  );
  const ordered = (await rank(context, actor, clients)).sort(compareRanked);
  const page = ordered.slice(offset, offset + query.limit);
  const outcomes = await episodeOutcomes(
    context.db,
    actor.organisationId,
    page.map((r) => r.client.id),
  );
  const items = await Promise.all(
    page.map((r) => {
      const o = outcomes.get(r.client.id);
      const latest = o?.latest ? o.byEpisode.get(o.latest) : undefined;
      return item(context, r, latest ?? null);
    }),
  );
  await audit(
    context,
    actor,
    page.map((r) => r.client.id),
    "caseload.read",
  );
  const end = offset + query.limit;
  return { items, next: end < ordered.length ? String(end) : null };
}
