// One instrument's totals over time, drawn with uPlot; the canvas is an image whose accessible
// name summarises it, and ScoreTable carries the values themselves.
import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import type { ScoredResponse } from "../api/responses";
import { plotInto } from "./plotInto";

const HEIGHT = 220;
const LINE = "#1d4ed8";
const MARK = "#b42318";

/** uPlot's aligned data: x in Unix seconds, y the totals, then the totals at marked times. */
export function chartData(
  responses: ScoredResponse[],
  markedAt: ReadonlySet<string> = new Set(),
): uPlot.AlignedData {
  return [
    responses.map((r) => Date.parse(r.at) / 1000),
    responses.map((r) => r.total),
    responses.map((r) => (markedAt.has(r.at) ? r.total : null)),
  ];
}

export function chartSummary(
  title: string,
  responses: ScoredResponse[],
): string {
  const first = responses[0];
  const last = responses.at(-1);
  if (!first || !last) return `${title}: no scores`;
  return `${title} chart: ${responses.length} scores, from ${first.total} to ${last.total}.`;
}

/** Scores to mark on the line (e.g. where an alliance rupture began), by response time. */
export function OutcomeChart({
  title,
  responses,
  markedAt,
}: {
  title: string;
  responses: ScoredResponse[];
  markedAt?: ReadonlySet<string>;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    return plotInto(
      element,
      {
        height: HEIGHT,
        scales: { x: { time: true } },
        axes: [{}, { label: "Total" }],
        series: [
          {},
          {
            label: title,
            stroke: LINE,
            width: 2,
            points: { show: true, size: 6, fill: LINE },
          },
          {
            label: "Marked",
            stroke: MARK,
            width: 0,
            points: { show: true, size: 12, fill: "transparent", width: 2 },
          },
        ],
      },
      chartData(responses, markedAt),
    );
  }, [title, responses, markedAt]);
  return (
    <div
      ref={host}
      className="chart"
      role="img"
      aria-label={chartSummary(title, responses)}
    />
  );
}
