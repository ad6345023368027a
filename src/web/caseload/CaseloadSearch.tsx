// Filter by part of a name (in the browser) and by status; the values apply on submit.
import { useId, useState } from "react";
import type { ClientStatus } from "../api/types";

export interface CaseloadFilter {
  name: string;
  status: ClientStatus | "";
}

export function CaseloadSearch({
  onSearch,
}: {
  onSearch: (f: CaseloadFilter) => void;
}) {
  const [filter, setFilter] = useState<CaseloadFilter>({
    name: "",
    status: "",
  });
  const nameId = useId();
  const statusId = useId();
  return (
    <form
      role="search"
      aria-label="Search the caseload"
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(filter);
      }}
    >
      <div className="field">
        <label htmlFor={nameId}>Client name contains</label>
        <input
          id={nameId}
          type="search"
          value={filter.name}
          onChange={(e) => setFilter({ ...filter, name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={filter.status}
          onChange={(e) =>
            setFilter({
              ...filter,
              status: e.target.value as CaseloadFilter["status"],
            })
          }
        >
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="discharged">Discharged</option>
        </select>
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
