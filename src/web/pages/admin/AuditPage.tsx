// The audit log, oldest first, a page at a time; the whole log downloads as CSV.
import { useState } from "react";
import { AUDIT_EXPORT_URL, listAudit } from "../../api/admin";
import type { AuditEntry } from "../../api/types";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { formatDateTime } from "../../components/format";
import { useLoad } from "../../components/useLoad";

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label="Audit entries"
      tabIndex={0}
    >
      <table>
        <caption className="visually-hidden">Audit entries</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Member</th>
            <th scope="col">Client</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <th scope="row">{e.seq}</th>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.action}</td>
              <td>
                <code>{e.actorId ?? "—"}</code>
              </td>
              <td>
                <code>{e.clientId ?? "—"}</code>
              </td>
              <td>{e.source ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditPage() {
  const [after, setAfter] = useState<number[]>([]);
  const current = after.at(-1);
  const page = useLoad(() => listAudit(current), String(current));
  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Every access to client data and every change, in a hash chain that{" "}
        <code>rapport audit verify</code> checks.{" "}
        <a href={AUDIT_EXPORT_URL} download>
          Download the whole log as CSV
        </a>
      </p>
      <LoadError error={page.error} />
      {page.data && <AuditTable entries={page.data.items} />}
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          disabled={after.length === 0}
          onClick={() => setAfter(after.slice(0, -1))}
        >
          Previous page
        </button>
        <button
          type="button"
          className="secondary"
          disabled={page.data?.next == null}
          onClick={() =>
            page.data?.next != null && setAfter([...after, page.data.next])
          }
        >
          Next page
        </button>
      </div>
    </>
  );
}
