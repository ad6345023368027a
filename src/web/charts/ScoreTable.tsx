// The table alternative to a score chart: every point the chart draws, in words.
import { formatDateTime } from "../components/format";
import type { ScoredResponse } from "../api/responses";

export function ScoreTable({
  title,
  responses,
}: {
  title: string;
  responses: ScoredResponse[];
}) {
  const flagged = responses.some((r) => r.flags.length > 0);
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={`${title} scores`}
      tabIndex={0}
    >
      <table>
        <caption>{title}: every score, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Answered</th>
            <th scope="col">Total</th>
            <th scope="col">Band</th>
            {flagged && <th scope="col">Flagged for further assessment</th>}
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDateTime(r.at)}</th>
              <td>{r.total}</td>
              <td>{r.band ?? "—"}</td>
              {flagged && <td>{r.flags.join("; ") || "—"}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
