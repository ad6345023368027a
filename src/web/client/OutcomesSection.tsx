// Outcome scores per instrument: a chart and its table alternative.
import { Suspense, lazy, useMemo } from "react";
import { fetchResponses, type ScoredResponse } from "../api/responses";
import { ScoreTable } from "../charts/ScoreTable";
import { useLoad } from "../components/useLoad";
import { Section } from "../components/Section";

// uPlot loads with the first chart, keeping it out of the sign-in and caseload download.
const OutcomeChart = lazy(() =>
  import("../charts/OutcomeChart").then((m) => ({ default: m.OutcomeChart })),
);

export function byInstrument(
  responses: ScoredResponse[],
): Map<string, ScoredResponse[]> {
  const groups = new Map<string, ScoredResponse[]>();
  for (const r of responses)
    groups.set(r.instrumentId, [...(groups.get(r.instrumentId) ?? []), r]);
  return groups;
}

export function OutcomesSection({ clientId }: { clientId: string }) {
  const responses = useLoad(() => fetchResponses(clientId), clientId);
  const groups = useMemo(
    () => [...byInstrument(responses.data ?? [])],
    [responses.data],
  );
  return (
    <Section title="Scores">
      {responses.error && (
        <p role="alert" className="error">
          {responses.error}
        </p>
      )}
      {responses.loading && <p role="status">Loading scores…</p>}
      {!responses.loading && responses.data === null && !responses.error && (
        <p>This server does not record questionnaire responses yet.</p>
      )}
      {responses.data?.length === 0 && <p>No questionnaire responses yet.</p>}
      {groups.map(([instrument, items]) => (
        <figure key={instrument} className="score-figure">
          <figcaption>
            <h3>{instrument}</h3>
          </figcaption>
          <Suspense fallback={<div className="chart" />}>
            <OutcomeChart title={instrument} responses={items} />
          </Suspense>
          <ScoreTable title={instrument} responses={items} />
        </figure>
      ))}
    </Section>
  );
}
