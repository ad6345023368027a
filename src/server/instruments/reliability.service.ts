// Alpha and omega of an instrument on the organisation's own valid responses, from clients who
// consented to aggregate statistics (issue 4 §5).
import { itemScore } from "../../core/instruments/aggregate.js";
import {
  reliability,
  type Reliability,
} from "../../core/instruments/reliability.js";
import type { AppContext } from "../context.js";
import { isoNow } from "../context.js";
import { clientsConsenting } from "../consents/consents.service.js";
import { listInstrumentResponses } from "../responses/responses.repository.js";
import { resolvePack } from "./instrumentCatalogue.js";

export interface ReliabilityReport extends Reliability {
  instrumentId: string;
  version: string;
  itemIds: string[];
  /** How the sample was drawn, in words, for whoever reads the figure. */
  basis: string;
}

export async function instrumentReliability(
  context: AppContext,
  organisationId: string,
  instrumentId: string,
  by: { memberId: string | null; source: string | null },
): Promise<ReliabilityReport> {
  const { pack } = await resolvePack(context.db, organisationId, instrumentId);
  const consenting = await clientsConsenting(
    context.db,
    organisationId,
    "aggregate-statistics",
  );
  const rows = (
    await listInstrumentResponses(context.db, organisationId, instrumentId)
  ).filter((r) => r.valid === 1 && consenting.has(r.client_id));
  const items = pack.scoring.items;
  const matrix = [];
  for (const row of rows) {
    const answers = JSON.parse(
      await context.cipher.decrypt(
        context.db,
        organisationId,
        row.client_id,
        "responses.answers",
        row.answers_enc,
      ),
    ) as Record<string, number>;
    matrix.push(
      items.map((id) => {
        const value = answers[id];
        return value === undefined ? null : itemScore(pack, id, value);
      }),
    );
  }
  await context.auditReads.append([
    {
      organisationId,
      actorId: by.memberId,
      clientId: null,
      action: `instrument.reliability.${instrumentId}`,
      source: by.source,
      at: isoNow(context),
    },
  ]);
  return {
    instrumentId,
    version: pack.version,
    itemIds: [...items],
    ...reliability(matrix),
    items: items.length,
    basis:
      "valid stored responses of clients who consented to aggregate statistics; reverse-scored items reversed; responses with an unanswered item left out; repeated responses of one client count separately",
  };
}
