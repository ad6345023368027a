// Alliance scores over time with rupture and repair markers and the component breakdown.
import { Suspense, lazy, useMemo } from "react";
import type { ScoredResponse } from "../api/responses";
import type { Signal } from "../api/timeline";
import { formatDateTime } from "../components/format";
import { describeMarker, ruptureMarkers } from "./ruptureMarkers";

const OutcomeChart = lazy(() =>
  import("../charts/OutcomeChart").then((m) => ({ default: m.OutcomeChart })),
);

const COMPONENTS = ["goals", "tasks", "bond"] as const;

export const NOT_VALIDATED =
  "Not a validated instrument: read its scores as a prompt for a conversation, not as a measurement with published norms.";

export function AllianceFigure({
  instrumentId,
  responses,
  signals,
  validated,
}: {
  instrumentId: string;
  responses: ScoredResponse[];
  signals: Signal[];
  validated: boolean;
}) {
  const markers = useMemo(
    () => ruptureMarkers(signals, instrumentId),
    [signals, instrumentId],
  );
  const markedAt = useMemo(() => new Set(markers.map((m) => m.at)), [markers]);
  const markerAt = new Map(markers.map((m) => [m.at, describeMarker(m)]));
  return (
    <figure className="score-figure">
      <figcaption>
        <h3>{instrumentId} (alliance)</h3>
        {!validated && <p className="notice">{NOT_VALIDATED}</p>}
        {markers.length === 0 ? (
          <p>No ruptures detected.</p>
        ) : (
          <ul>
            {markers.map((m) => (
              <li key={m.at}>{describeMarker(m)}</li>
            ))}
          </ul>
        )}
      </figcaption>
      <Suspense fallback={<div className="chart" />}>
        <OutcomeChart
          title={`${instrumentId} alliance, ruptures circled`}
          responses={responses}
          markedAt={markedAt}
        />
      </Suspense>
      <div
        className="table-scroll"
        role="region"
        aria-label={`${instrumentId} alliance scores`}
        tabIndex={0}
      >
        <table>
          <caption>
            {instrumentId}: total and components (goals, tasks, bond), oldest
            first
          </caption>
          <thead>
            <tr>
              <th scope="col">Answered</th>
              <th scope="col">Total</th>
              {COMPONENTS.map((c) => (
                <th scope="col" key={c}>
                  {c[0]?.toUpperCase()}
                  {c.slice(1)}
                </th>
              ))}
              <th scope="col">Marker</th>
            </tr>
          </thead>
          <tbody>
            {responses.map((r) => (
              <tr key={r.id}>
                <th scope="row">{formatDateTime(r.at)}</th>
                <td>{r.total}</td>
                {COMPONENTS.map((c) => (
                  <td key={c}>{r.subscales[c] ?? "—"}</td>
                ))}
                <td>{markerAt.get(r.at) ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
