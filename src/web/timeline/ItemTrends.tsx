// Each item's answers over time (e.g. every PHQ-9 item), newest last: a table, read row by row.
import type { ScoredResponse } from "../api/responses";
import { formatDate } from "../components/format";

/** How many of the latest responses the table shows. */
const COLUMNS = 8;

export function itemIds(responses: readonly ScoredResponse[]): string[] {
  const ids = new Set(responses.flatMap((r) => Object.keys(r.answers)));
  return [...ids].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
}

export function ItemTrends({
  instrumentId,
  responses,
}: {
  instrumentId: string;
  responses: ScoredResponse[];
}) {
  const recent = responses.slice(-COLUMNS);
  const items = itemIds(recent);
  if (items.length === 0) return null;
  return (
    <details className="item-trends">
      <summary>{instrumentId}: item answers over time</summary>
      <div
        className="table-scroll"
        role="region"
        aria-label={`${instrumentId} item answers`}
        tabIndex={0}
      >
        <table>
          <caption>
            {instrumentId}: each item's answer at the last {recent.length}{" "}
            responses, oldest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {recent.map((r) => (
                <th scope="col" key={r.id}>
                  {formatDate(r.at)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item}>
                <th scope="row">{item}</th>
                {recent.map((r) => (
                  <td key={r.id}>{r.answers[item] ?? "—"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
