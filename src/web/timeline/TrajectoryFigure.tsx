// One outcome measure against its expected-trajectory band, saying which model drew the band.
import { Suspense, lazy } from "react";
import { fetchTrajectory } from "../api/timeline";
import { LoadError } from "../components/LoadError";
import { useLoad } from "../components/useLoad";
import { useClientDataKey } from "../client/clientDataVersion";
import { TrajectoryTable } from "./TrajectoryTable";

const TrajectoryChart = lazy(() =>
  import("../charts/TrajectoryChart").then((m) => ({
    default: m.TrajectoryChart,
  })),
);

export function TrajectoryFigure({
  clientId,
  instrumentId,
}: {
  clientId: string;
  instrumentId: string;
}) {
  const trajectory = useLoad(
    () => fetchTrajectory(clientId, instrumentId),
    useClientDataKey(`${clientId}/${instrumentId}`),
  );
  const data = trajectory.data;
  return (
    <figure className="score-figure">
      <figcaption>
        <h3>{instrumentId}</h3>
        {data && (
          <p className="band-label">
            Expected-trajectory band:{" "}
            <strong>
              {data.model === "reference"
                ? "reference model, not fitted to your clinic"
                : data.label}
            </strong>
            .
          </p>
        )}
        {data?.clamped && (
          <p className="band-label">
            The band is kept within the instrument&apos;s range (
            {data.range.min}–{data.range.max}): the model does not know the
            scale&apos;s bounds, so band edges beyond them are clamped.
          </p>
        )}
      </figcaption>
      <LoadError error={trajectory.error} />
      {trajectory.loading && <p role="status">Loading the trajectory…</p>}
      {data && data.scores.length === 0 && <p>No scores yet.</p>}
      {data && data.scores.length > 0 && (
        <>
          <Suspense fallback={<div className="chart" />}>
            <TrajectoryChart title={instrumentId} trajectory={data} />
          </Suspense>
          <TrajectoryTable title={instrumentId} trajectory={data} />
        </>
      )}
    </figure>
  );
}
