// Organisation settings: name, mandatory second factor, crisis information, time zone.
import { useEffect, useId, useState } from "react";
import { getOrganisation, updateOrganisation } from "../../api/admin";
import type { Organisation } from "../../api/types";
import { ActionForm } from "../../components/ActionForm";
import { Field } from "../../components/Field";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../components/useLoad";

interface Draft {
  name: string;
  requireTotp: boolean;
  crisisInformation: string;
  timeZone: string;
}

const draftOf = (o: Organisation): Draft => ({
  name: o.name,
  requireTotp: o.settings.requireTotp === true,
  crisisInformation: o.settings.crisisInformation ?? "",
  timeZone: o.settings.timeZone ?? "",
});

function SettingsForm({
  organisation,
  onSaved,
}: {
  organisation: Organisation;
  onSaved: (o: Organisation) => void;
}) {
  const [draft, setDraft] = useState(draftOf(organisation));
  useEffect(() => setDraft(draftOf(organisation)), [organisation]);
  const crisisId = useId();
  const action = useAction();
  return (
    <ActionForm
      action={action}
      submitLabel="Save settings"
      onSubmit={async () => {
        onSaved(
          await updateOrganisation({
            name: draft.name.trim(),
            settings: {
              requireTotp: draft.requireTotp,
              crisisInformation: draft.crisisInformation,
              ...(draft.timeZone ? { timeZone: draft.timeZone.trim() } : {}),
            },
          }),
        );
        return "Settings saved.";
      }}
    >
      <Field
        label="Organisation name"
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => setDraft({ ...draft, name: e.target.value })}
      />
      <div className="field">
        <label htmlFor={crisisId}>Crisis information</label>
        <span className="hint" id={`${crisisId}-hint`}>
          Shown to clients with every check-in: who to call when they need help
          now.
        </span>
        <textarea
          id={crisisId}
          aria-describedby={`${crisisId}-hint`}
          rows={4}
          maxLength={2000}
          value={draft.crisisInformation}
          onChange={(e) =>
            setDraft({ ...draft, crisisInformation: e.target.value })
          }
        />
      </div>
      <Field
        label="Time zone"
        hint="An IANA name such as Europe/London."
        maxLength={64}
        value={draft.timeZone}
        onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={draft.requireTotp}
          onChange={(e) =>
            setDraft({ ...draft, requireTotp: e.target.checked })
          }
        />{" "}
        Require an authenticator app for every member
      </label>
    </ActionForm>
  );
}

export function OrganisationPage() {
  const organisation = useLoad(getOrganisation, "organisation");
  return (
    <>
      <PageHeading>Organisation</PageHeading>
      <LoadError error={organisation.error} />
      {organisation.data && (
        <SettingsForm
          organisation={organisation.data}
          onSaved={organisation.set}
        />
      )}
    </>
  );
}
