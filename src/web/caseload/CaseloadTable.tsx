// The caseload as a table: each row names its top reason for attention and its latest
// alliance and outcome scores with a small trend line.
import type { CaseloadItem, CaseloadScore } from "../api/caseload";
import type { ClientStatus } from "../api/types";
import { Sparkline } from "../charts/Sparkline";
import { Link } from "../components/Link";
import { formatDate, formatDateTime } from "../components/format";
import { clientHref } from "../router";
import { EpisodeOutcomeText } from "../client/EpisodeOutcomeText";
import { waitedFor } from "./attention";

interface Props {
  rows: CaseloadItem[];
  caption: string;
  therapistNames: Map<string, string> | null;
}

const STATUS_LABEL: Record<ClientStatus, string> = {
  active: "Active",
  discharged: "Discharged",
};

function AttentionCell({ row }: { row: CaseloadItem }) {
  if (!row.attention) return <span className="muted">None open</span>;
  const more = row.openAlerts - 1;
  return (
    <>
      <span
        className="attention"
        title={row.attention.explanation || undefined}
      >
        {row.attention.reason}
      </span>
      {more > 0 && <span className="muted"> (+{more} more)</span>}
      <AttentionState attention={row.attention} />
    </>
  );
}

/** Acknowledged (by whom, when) but not resolved, or how long it has waited for anyone. */
function AttentionState({
  attention,
}: {
  attention: NonNullable<CaseloadItem["attention"]>;
}) {
  if (attention.acknowledged)
    return (
      <div className="muted">
        Acknowledged by {attention.acknowledged.byName ?? "a former member"} on{" "}
        {formatDateTime(attention.acknowledged.at)}, not resolved
      </div>
    );
  if (
    attention.waitingMinutes === null ||
    attention.waitingMinutes === undefined
  )
    return null;
  return (
    <div className="muted">
      Waiting {waitedFor(attention.waitingMinutes)}, not acknowledged
    </div>
  );
}

function ScoreCell({ score }: { score: CaseloadScore | null }) {
  if (!score) return <span className="muted">None yet</span>;
  return (
    <span className="score-cell">
      <span>
        {score.instrumentId} <strong>{score.total}</strong>
        {!score.validated && (
          <span className="muted"> (not a validated instrument)</span>
        )}
        <span className="muted"> on {formatDate(score.at)}</span>
      </span>
      <Sparkline values={score.trend} label={score.instrumentId} />
    </span>
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
            <th scope="col">Alliance</th>
            <th scope="col">Outcome</th>
            <th scope="col">Status</th>
            {therapistNames && <th scope="col">Therapist</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clientId}>
              <th scope="row">
                <Link href={clientHref(row.clientId)}>{row.name}</Link>
              </th>
              <td>
                <AttentionCell row={row} />
              </td>
              <td>
                <ScoreCell score={row.alliance} />
              </td>
              <td>
                <ScoreCell score={row.outcome} />
                {row.episodeOutcome && (
                  <div>
                    <EpisodeOutcomeText outcome={row.episodeOutcome} />
                  </div>
                )}
              </td>
              <td>{STATUS_LABEL[row.status]}</td>
              {therapistNames && (
                <td>{therapistNames.get(row.therapistId) ?? "—"}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
