// Optional age band and gender (issue 17): recorded by the therapist, encrypted like the name,
// and released only k-anonymised in research exports.
import { useState } from "react";
import {
  AGE_BANDS,
  GENDERS,
  type AgeBand,
  type Gender,
} from "../../core/research/quasiIdentifiers";
import type { Client } from "../api/types";

type Patch = { ageBand: AgeBand | null; gender: Gender | null };

function Choice<T extends string>({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  options: readonly T[];
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(e) =>
          onChange(e.target.value === "" ? null : (e.target.value as T))
        }
      >
        <option value="">Not recorded</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DemographicsForm({
  client,
  busy,
  onSave,
}: {
  client: Client;
  busy: boolean;
  onSave: (patch: Patch) => void;
}) {
  const [ageBand, setAgeBand] = useState(client.ageBand);
  const [gender, setGender] = useState(client.gender);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ ageBand, gender });
      }}
    >
      <Choice
        id="client-age-band"
        label="Age band (optional)"
        options={AGE_BANDS}
        value={ageBand}
        onChange={setAgeBand}
      />
      <Choice
        id="client-gender"
        label="Gender (optional)"
        options={GENDERS}
        value={gender}
        onChange={setGender}
      />
      <button type="submit" className="secondary" disabled={busy}>
        Save age band and gender
      </button>
      <p className="hint">
        Used only in de-identified research exports, generalised so that no
        group is smaller than the export&apos;s k. The bands are a design choice
        of Rapport, not from a clinical source.
      </p>
    </form>
  );
}
