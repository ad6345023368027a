// The caseload: clients ordered by what needs attention, with a name filter (applied here, in the
// browser, over the whole caseload: names never go into a URL) and a status filter.
import { useState } from "react";
import { allMembers } from "../api/admin";
import {
  fetchCaseload,
  fetchWholeCaseload,
  type CaseloadItem,
} from "../api/caseload";
import { AddClientForm } from "../caseload/AddClientForm";
import {
  CaseloadSearch,
  type CaseloadFilter,
} from "../caseload/CaseloadSearch";
import { CaseloadTable } from "../caseload/CaseloadTable";
import { filterByName } from "../caseload/nameFilter";
import { LoadError } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { canEditClients, useSession } from "../components/session";
import { useLoad } from "../components/useLoad";
import { navigate, clientHref } from "../router";

const CAPTION =
  "Ordered by the most urgent open alert, then the most recent score.";

function useTherapistNames(show: boolean): Map<string, string> | null {
  const members = useLoad(
    async () => (show ? await allMembers("therapist") : []),
    String(show),
  );
  if (!show || !members.data) return null;
  return new Map(members.data.map((m) => [m.id, m.name]));
}

export function CaseloadPage() {
  const { me } = useSession();
  const [filter, setFilter] = useState<CaseloadFilter>({
    name: "",
    status: "",
  });
  const [more, setMore] = useState<CaseloadItem[]>([]);
  const query = filter.status ? { status: filter.status } : {};
  // A name filter needs the whole caseload in hand; otherwise a page at a time.
  const whole = filter.name.trim() !== "";
  const first = useLoad(
    () => (whole ? fetchWholeCaseload(query) : fetchCaseload(query)),
    JSON.stringify([query, whole]),
  );
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const therapistNames = useTherapistNames(me.role === "supervisor");
  const cursor = next === undefined ? (first.data?.next ?? null) : next;
  const rows = filterByName(
    [...(first.data?.items ?? []), ...more],
    filter.name,
  );

  const loadMore = () => {
    if (!cursor) return;
    fetchCaseload({ ...query, cursor }).then(
      (page) => {
        setMore((m) => [...m, ...page.items]);
        setNext(page.next);
      },
      () => setNext(null),
    );
  };

  return (
    <>
      <PageHeading>
        {me.role === "supervisor" ? "Supervisees' caseloads" : "Caseload"}
      </PageHeading>
      {me.role === "supervisor" && (
        <p>Read-only: the caseloads of the therapists you supervise.</p>
      )}
      <CaseloadSearch
        onSearch={(f) => {
          setMore([]);
          setNext(undefined);
          setFilter(f);
        }}
      />
      <LoadError error={first.error} />
      {first.loading && <p role="status">Loading the caseload…</p>}
      {first.data && rows.length === 0 && <p>No clients match.</p>}
      {first.data && rows.length > 0 && (
        <CaseloadTable
          rows={rows}
          caption={CAPTION}
          therapistNames={therapistNames}
        />
      )}
      {cursor && (
        <button type="button" className="secondary" onClick={loadMore}>
          Show more clients
        </button>
      )}
      {canEditClients(me) && (
        <section aria-labelledby="add-client">
          <h2 id="add-client">Add a client</h2>
          <AddClientForm
            onAdded={(client) => navigate(clientHref(client.id))}
          />
        </section>
      )}
    </>
  );
}
