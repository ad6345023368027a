// Draws a uPlot chart across an element's width (at least 280 px), redrawing it as the width
// changes; the returned function removes it (an effect's cleanup). The charts are images beside
// a table of their values, so they have no legend and no drag-to-zoom.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const MIN_WIDTH = 280;

export function plotInto(
  element: HTMLElement,
  options: Omit<uPlot.Options, "width">,
  data: uPlot.AlignedData,
): () => void {
  const width = () => Math.max(MIN_WIDTH, element.clientWidth);
  const plot = new uPlot(
    {
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      ...options,
      width: width(),
    },
    data,
    element,
  );
  const resize = new ResizeObserver(() =>
    plot.setSize({ width: width(), height: options.height }),
  );
  resize.observe(element);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
