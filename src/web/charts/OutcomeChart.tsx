// One instrument's totals over time, drawn with uPlot; the canvas is an image whose accessible
// name summarises it, and ScoreTable carries the values themselves.
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ScoredResponse } from "../api/responses";

const HEIGHT = 220;
const LINE = "#1d4ed8";

/** uPlot's aligned data: x in Unix seconds, y the totals. */
export function chartData(responses: ScoredResponse[]): uPlot.AlignedData {
  return [
    responses.map((r) => Date.parse(r.at) / 1000),
    responses.map((r) => r.total),
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

export function OutcomeChart({
  title,
  responses,
}: {
  title: string;
  responses: ScoredResponse[];
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
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
        ],
      },
      chartData(responses),
      element,
    );
    const resize = new ResizeObserver(() =>
      plot.setSize({
        width: Math.max(280, element.clientWidth),
        height: HEIGHT,
      }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [title, responses]);
  return (
    <div
      ref={host}
      className="chart"
      role="img"
      aria-label={chartSummary(title, responses)}
    />
  );
}
