// The client's timeline of measures: outcome scores against the expected-trajectory band,
// alliance scores with rupture markers and components, item-level answers per instrument, and
// sessions with their status and the client's check-in feedback.
import { useMemo } from "react";
import { listInstruments, type InstrumentSummary } from "../api/instruments";
import { fetchResponses, type ScoredResponse } from "../api/responses";
import { fetchSignals, type Signals } from "../api/timeline";
import { LoadError } from "../components/LoadError";
import { useLoad } from "../components/useLoad";
import { useClientDataKey } from "./clientDataVersion";
import { Section } from "../components/Section";
import { ScoreTable } from "../charts/ScoreTable";
import { AllianceFigure } from "../timeline/AllianceFigure";
import { ItemTrends } from "../timeline/ItemTrends";
import { SessionTimeline } from "../timeline/SessionTimeline";
import { TrajectoryFigure } from "../timeline/TrajectoryFigure";
import type { ClientSessions } from "./useClientSessions";

export function byInstrument(
  responses: ScoredResponse[],
): Map<string, ScoredResponse[]> {
  const groups = new Map<string, ScoredResponse[]>();
  for (const r of responses)
    groups.set(r.instrumentId, [...(groups.get(r.instrumentId) ?? []), r]);
  return groups;
}

interface Timeline {
  responses: ScoredResponse[] | null;
  signals: Signals;
  instruments: Map<string, InstrumentSummary>;
}

async function loadTimeline(clientId: string): Promise<Timeline> {
  const [responses, signals, instruments] = await Promise.all([
    fetchResponses(clientId),
    fetchSignals(clientId),
    listInstruments(),
  ]);
  return {
    responses,
    signals,
    instruments: new Map(instruments.items.map((i) => [i.id, i])),
  };
}

function InstrumentFigure({
  clientId,
  instrumentId,
  items,
  timeline,
}: {
  clientId: string;
  instrumentId: string;
  items: ScoredResponse[];
  timeline: Timeline;
}) {
  const pack = timeline.instruments.get(instrumentId);
  if (pack?.kind === "alliance")
    return (
      <AllianceFigure
        instrumentId={instrumentId}
        responses={items}
        signals={timeline.signals.items}
        validated={pack.validated}
      />
    );
  if (instrumentId in timeline.signals.trajectoryModels)
    return <TrajectoryFigure clientId={clientId} instrumentId={instrumentId} />;
  return (
    <figure className="score-figure">
      <figcaption>
        <h3>{instrumentId}</h3>
        {pack && !pack.validated && (
          <p className="notice">Not a validated instrument.</p>
        )}
      </figcaption>
      <ScoreTable title={instrumentId} responses={items} />
    </figure>
  );
}

export function OutcomesSection({
  clientId,
  sessions,
}: {
  clientId: string;
  sessions: ClientSessions;
}) {
  const timeline = useLoad(
    () => loadTimeline(clientId),
    useClientDataKey(clientId),
  );
  const data = timeline.data;
  const groups = useMemo(
    () => [...byInstrument(data?.responses ?? [])],
    [data?.responses],
  );
  return (
    <Section title="Timeline" wide>
      <LoadError error={timeline.error} />
      {timeline.loading && <p role="status">Loading scores…</p>}
      {data && data.responses === null && (
        <p>This server does not record questionnaire responses yet.</p>
      )}
      {data?.responses?.length === 0 && <p>No questionnaire responses yet.</p>}
      {data &&
        groups.map(([instrumentId, items]) => (
          <div key={instrumentId} className="instrument-timeline">
            <InstrumentFigure
              clientId={clientId}
              instrumentId={instrumentId}
              items={items}
              timeline={data}
            />
            <ItemTrends instrumentId={instrumentId} responses={items} />
          </div>
        ))}
      <SessionTimeline clientId={clientId} sessions={sessions} />
    </Section>
  );
}
