// The table alternative to the trajectory chart: each session's score, expected score and bands.
import type { Trajectory } from "../api/timeline";

const range = (r: { lower: number; upper: number }) =>
  `${r.lower.toFixed(1)} to ${r.upper.toFixed(1)}`;

export function TrajectoryTable({
  title,
  trajectory,
}: {
  title: string;
  trajectory: Trajectory;
}) {
  const score = new Map(trajectory.scores.map((s) => [s.session, s.total]));
  const pct = (level: number) => `${Math.round(level * 100)}%`;
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={`${title} against the expected trajectory`}
      tabIndex={0}
    >
      <table>
        <caption>
          {title} by session of care against the expected trajectory (
          {trajectory.label})
        </caption>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Score</th>
            <th scope="col">Expected</th>
            <th scope="col">{pct(trajectory.levels.yellow)} band</th>
            <th scope="col">{pct(trajectory.levels.red)} band</th>
          </tr>
        </thead>
        <tbody>
          {trajectory.points.map((p) => (
            <tr key={p.session}>
              <th scope="row">{p.session}</th>
              <td>{score.get(p.session) ?? "—"}</td>
              <td>{p.expected.toFixed(1)}</td>
              <td>{range(p.yellow)}</td>
              <td>{range(p.red)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
