// Outcome scores by session of care against the expected trajectory and its yellow (90%) and
// red (95%) prediction bands, drawn with uPlot; TrajectoryTable carries the same values.
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import type { Trajectory } from "../api/timeline";
import { plotInto } from "./plotInto";

const HEIGHT = 240;
const SCORE = "#1d4ed8";
const EXPECTED = "#4b5563";
const YELLOW = "rgba(202, 138, 4, 0.18)";
const RED = "rgba(185, 28, 28, 0.10)";

/** x = session; then expected, red upper/lower, yellow upper/lower, scores (null where none). */
export function trajectoryData(t: Trajectory): uPlot.AlignedData {
  const score = new Map(t.scores.map((s) => [s.session, s.total]));
  return [
    t.points.map((p) => p.session),
    t.points.map((p) => p.expected),
    t.points.map((p) => p.red.upper),
    t.points.map((p) => p.red.lower),
    t.points.map((p) => p.yellow.upper),
    t.points.map((p) => p.yellow.lower),
    t.points.map((p) => score.get(p.session) ?? null),
  ];
}

export function trajectorySummary(title: string, t: Trajectory): string {
  const last = t.scores.at(-1);
  const point = t.points.find((p) => p.session === last?.session);
  if (!last || !point) return `${title}: no scores`;
  return `${title} chart: ${t.scores.length} scores by session; at session ${last.session} the score was ${last.total}, expected ${point.expected.toFixed(1)} (${t.label}).`;
}

const edge = (label: string, stroke: string): uPlot.Series => ({
  label,
  stroke,
  width: 1,
  points: { show: false },
});

export function TrajectoryChart({
  title,
  trajectory,
}: {
  title: string;
  trajectory: Trajectory;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    return plotInto(
      element,
      {
        height: HEIGHT,
        scales: { x: { time: false } },
        axes: [
          { label: "Session of care", incrs: [1, 2, 5, 10, 20] },
          { label: "Total" },
        ],
        series: [
          {},
          { label: "Expected", stroke: EXPECTED, width: 1, dash: [6, 4] },
          edge("95% upper", "rgba(185, 28, 28, 0.5)"),
          edge("95% lower", "rgba(185, 28, 28, 0.5)"),
          edge("90% upper", "rgba(202, 138, 4, 0.7)"),
          edge("90% lower", "rgba(202, 138, 4, 0.7)"),
          {
            label: title,
            stroke: SCORE,
            width: 2,
            spanGaps: true,
            points: { show: true, size: 7, fill: SCORE },
          },
        ],
        bands: [
          { series: [2, 4], fill: RED },
          { series: [5, 3], fill: RED },
          { series: [4, 5], fill: YELLOW },
        ],
      },
      trajectoryData(trajectory),
    );
  }, [title, trajectory]);
  return (
    <div
      ref={host}
      className="chart"
      role="img"
      aria-label={trajectorySummary(title, trajectory)}
    />
  );
}
