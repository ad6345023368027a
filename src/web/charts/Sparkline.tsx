// A small trend line drawn as SVG; its accessible name lists every value it draws.
const WIDTH = 64;
const HEIGHT = 18;

/** SVG polyline points for values scaled into the box (flat series sit in the middle). */
export function sparklinePoints(values: readonly number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  return values
    .map((v, i) => {
      const y =
        max === min ? HEIGHT / 2 : HEIGHT - ((v - min) / (max - min)) * HEIGHT;
      return `${(i * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

export function Sparkline({
  values,
  label,
}: {
  values: readonly number[];
  label: string;
}) {
  if (values.length < 2) return null;
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT + 2}
      viewBox={`0 -1 ${WIDTH} ${HEIGHT + 2}`}
      role="img"
      aria-label={`${label} trend, oldest first: ${values.join(", ")}`}
    >
      <polyline
        points={sparklinePoints(values)}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
