// The audit log, oldest first, a page at a time, filtered by action, member, client and dates;
// the filtered log downloads as CSV. Members are shown by name (entries hold ids).
import { useId, useState } from "react";
import {
  allMembers,
  auditExportUrl,
  listAudit,
  type AuditFilter,
} from "../../api/admin";
import type { AuditEntry } from "../../api/types";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { formatDateTime } from "../../components/format";
import { useLoad } from "../../components/useLoad";

/** The actions an administrator filters by most; any other can be typed. */
const ACTIONS = [
  "auth.login",
  "auth.login-failed",
  "auth.password-change",
  "auth.password-reset",
  "auth.password-reset-link",
  "client.break-glass",
  "member.create",
  "member.update",
  "organisation.update",
  "pack.install",
  "pack.risk-items-dropped",
  "supervision.update",
  "token.create",
  "token.revoke",
  "totp.disable",
  "totp.enable",
];

type Names = Map<string, string>;

function MemberCell({ id, names }: { id: string | null; names: Names }) {
  if (!id) return <>—</>;
  return <>{names.get(id) ?? <code>{id}</code>}</>;
}

function AuditTable({
  entries,
  names,
}: {
  entries: AuditEntry[];
  names: Names;
}) {
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
            <th scope="col">By</th>
            <th scope="col">About member</th>
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
                <MemberCell id={e.actorId} names={names} />
              </td>
              <td>
                <MemberCell id={e.subjectId} names={names} />
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

/** A date field's value (YYYY-MM-DD) as the first or last moment of that UTC day. */
const dayBound = (day: string, end: boolean) =>
  day ? `${day}T${end ? "23:59:59.999" : "00:00:00.000"}Z` : undefined;

function FilterForm({
  names,
  onFilter,
}: {
  names: Names;
  onFilter: (filter: AuditFilter) => void;
}) {
  const [action, setAction] = useState("");
  const [member, setMember] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const ids = { action: useId(), member: useId(), from: useId(), to: useId() };
  return (
    <form
      role="search"
      aria-label="Filter the audit log"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        const filter: AuditFilter = {};
        if (action) filter.action = action;
        if (member) filter.actorId = member;
        const after = dayBound(from, false);
        const before = dayBound(to, true);
        if (after) filter.from = after;
        if (before) filter.to = before;
        onFilter(filter);
      }}
    >
      <div className="field">
        <label htmlFor={ids.action}>Action</label>
        <select
          id={ids.action}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        >
          <option value="">Any</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.member}>By member</label>
        <select
          id={ids.member}
          value={member}
          onChange={(e) => setMember(e.target.value)}
        >
          <option value="">Anyone</option>
          {[...names].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.from}>From (UTC)</label>
        <input
          id={ids.from}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>To (UTC)</label>
        <input
          id={ids.to}
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <button type="submit">Filter</button>
    </form>
  );
}

export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [after, setAfter] = useState<number[]>([]);
  const current = after.at(-1);
  const members = useLoad(() => allMembers(), "members");
  const names: Names = new Map((members.data ?? []).map((m) => [m.id, m.name]));
  const page = useLoad(
    () => listAudit(filter, current),
    JSON.stringify([filter, current]),
  );
  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p>
        Every access to client data, every sign-in and every change to members,
        supervision, tokens and settings, in a hash chain that{" "}
        <code>rapport audit verify</code> checks.{" "}
        <a href={auditExportUrl(filter)} download>
          Download these entries as CSV
        </a>
      </p>
      <FilterForm
        names={names}
        onFilter={(f) => {
          setAfter([]);
          setFilter(f);
        }}
      />
      <LoadError error={page.error ?? members.error} />
      {page.data && <AuditTable entries={page.data.items} names={names} />}
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
