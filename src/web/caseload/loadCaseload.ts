// Assembles caseload rows: clients from /api/clients, each joined with its top open alert and
// latest response where those APIs exist. Features that are missing leave their slot empty.
import { fetchOpenAlerts } from "../api/alerts";
import { listClients, type ClientQuery } from "../api/clients";
import { fetchResponses, type ScoredResponse } from "../api/responses";
import type { Client } from "../api/types";
import { attentionByClient, type CaseloadRow } from "./attention";

export interface CaseloadPage {
  rows: CaseloadRow[];
  next: string | null;
  /** Which optional sources answered, so the page can say what the order is based on. */
  sources: { alerts: boolean; responses: boolean };
}

const PARALLEL_REQUESTS = 6;

/** The newest response per client; the first request probes whether the API exists at all. */
async function latestResponses(
  clients: Client[],
): Promise<Map<string, ScoredResponse> | null> {
  const latest = new Map<string, ScoredResponse>();
  const [first, ...rest] = clients;
  if (!first) return latest;
  const probe = await fetchResponses(first.id);
  if (probe === null) return null;
  const keep = (client: Client, responses: ScoredResponse[] | null) => {
    const newest = responses?.at(-1);
    if (newest) latest.set(client.id, newest);
  };
  keep(first, probe);
  for (let i = 0; i < rest.length; i += PARALLEL_REQUESTS) {
    const batch = rest.slice(i, i + PARALLEL_REQUESTS);
    const answers = await Promise.all(batch.map((c) => fetchResponses(c.id)));
    batch.forEach((client, j) => keep(client, answers[j] ?? null));
  }
  return latest;
}

export async function loadCaseload(query: ClientQuery): Promise<CaseloadPage> {
  const [page, alerts] = await Promise.all([
    listClients(query),
    fetchOpenAlerts(),
  ]);
  const latest = await latestResponses(page.items);
  const attention = attentionByClient(alerts ?? []);
  return {
    rows: page.items.map((client) => ({
      client,
      attention: attention.get(client.id) ?? null,
      latest: latest?.get(client.id) ?? null,
    })),
    next: page.next,
    sources: { alerts: alerts !== null, responses: latest !== null },
  };
}
