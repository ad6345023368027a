// Which therapists a supervisor supervises (and so whose caseloads they can read).
import { useState } from "react";
import { setSupervisees } from "../api/admin";
import type { Member } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { useAction } from "../components/useAction";

interface Props {
  supervisor: Member;
  therapists: Member[];
  onSaved: (m: Member) => void;
}

export function SuperviseesForm({ supervisor, therapists, onSaved }: Props) {
  const [chosen, setChosen] = useState(new Set(supervisor.supervisees ?? []));
  const action = useAction();
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  return (
    <ActionForm
      action={action}
      submitClassName="secondary"
      submitLabel="Save supervisees"
      onSubmit={async () => {
        onSaved(await setSupervisees(supervisor.id, [...chosen]));
        return `Supervisees of ${supervisor.name} saved.`;
      }}
    >
      <fieldset>
        <legend>Supervisees of {supervisor.name}</legend>
        {therapists.map((t) => (
          <label key={t.id} className="check">
            <input
              type="checkbox"
              checked={chosen.has(t.id)}
              onChange={(e) => toggle(t.id, e.target.checked)}
            />{" "}
            {t.name}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
