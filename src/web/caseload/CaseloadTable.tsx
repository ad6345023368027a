// The caseload as a table: each row names its top reason for attention and its latest score.
import type { ClientStatus } from "../api/types";
import { Link } from "../components/Link";
import { formatDate } from "../components/format";
import { clientHref } from "../router";
import type { CaseloadRow } from "./attention";

interface Props {
  rows: CaseloadRow[];
  caption: string;
  therapistNames: Map<string, string> | null;
}

const STATUS_LABEL: Record<ClientStatus, string> = {
  active: "Active",
  discharged: "Discharged",
};

function AttentionCell({ row }: { row: CaseloadRow }) {
  if (!row.attention) return <span className="muted">None open</span>;
  return (
    <span className="attention" title={row.attention.explanation || undefined}>
      {row.attention.reason}
    </span>
  );
}

function LatestCell({ row }: { row: CaseloadRow }) {
  if (!row.latest) return <span className="muted">No scores yet</span>;
  return (
    <>
      {row.latest.instrumentId} {row.latest.total}
      <span className="muted"> on {formatDate(row.latest.at)}</span>
    </>
  );
}

export function CaseloadTable({ rows, caption, therapistNames }: Props) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label="Caseload table"
      tabIndex={0}
    >
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Needs attention</th>
            <th scope="col">Latest score</th>
            <th scope="col">Status</th>
            {therapistNames && <th scope="col">Therapist</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.client.id}>
              <th scope="row">
                <Link href={clientHref(row.client.id)}>{row.client.name}</Link>
              </th>
              <td>
                <AttentionCell row={row} />
              </td>
              <td>
                <LatestCell row={row} />
              </td>
              <td>{STATUS_LABEL[row.client.status]}</td>
              {therapistNames && (
                <td>{therapistNames.get(row.client.therapistId) ?? "—"}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
