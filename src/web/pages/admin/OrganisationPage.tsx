// Organisation settings: name, mandatory second factor, crisis information, time zone, and the
// signal settings whose defaults are Rapport's design choices (docs/signals.md).
import { useEffect, useId, useState } from "react";
import { getOrganisation, updateOrganisation } from "../../api/admin";
import { CheckinScheduleNote } from "../../admin/CheckinScheduleNote";
import type { Organisation } from "../../api/types";
import { ActionForm } from "../../components/ActionForm";
import { Field } from "../../components/Field";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { useAction } from "../../components/useAction";
import { useLoad } from "../../components/useLoad";
import { DEFAULT_SIGNAL_OPTIONS } from "../../../core/signals/defaults";

interface Draft {
  name: string;
  requireTotp: boolean;
  crisisInformation: string;
  timeZone: string;
  ruptureMode: "sensitive" | "strict";
  noImprovementBySession: string;
}

/** The server's defaults, both design choices. */
const DEFAULT_RUPTURE_MODE = DEFAULT_SIGNAL_OPTIONS.rupture.mode;
const DEFAULT_NO_IMPROVEMENT_BY =
  DEFAULT_SIGNAL_OPTIONS.noImprovement.bySession;

const draftOf = (o: Organisation): Draft => ({
  name: o.name,
  requireTotp: o.settings.requireTotp === true,
  crisisInformation: o.settings.crisisInformation ?? "",
  timeZone: o.settings.timeZone ?? "",
  ruptureMode: o.settings.ruptureMode ?? DEFAULT_RUPTURE_MODE,
  noImprovementBySession: String(
    o.settings.noImprovementBySession ?? DEFAULT_NO_IMPROVEMENT_BY,
  ),
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
  const ruptureId = useId();
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
              ruptureMode: draft.ruptureMode,
              noImprovementBySession: Number(draft.noImprovementBySession),
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
      <div className="field">
        <label htmlFor={ruptureId}>Alliance rupture rule</label>
        <span className="hint" id={`${ruptureId}-hint`}>
          Design choice: strict (a drop of 2 SD below the client&apos;s own
          baseline) is the default; sensitive (1 SD) flagged about three in four
          stable clients in calibration.
        </span>
        <select
          id={ruptureId}
          aria-describedby={`${ruptureId}-hint`}
          value={draft.ruptureMode}
          onChange={(e) =>
            setDraft({
              ...draft,
              ruptureMode:
                e.target.value === "sensitive" ? "sensitive" : "strict",
            })
          }
        >
          <option value="strict">Strict (2 SD)</option>
          <option value="sensitive">Sensitive (1 SD)</option>
        </select>
      </div>
      <Field
        label="No reliable improvement alert: by session"
        hint={`Design choice: session ${DEFAULT_NO_IMPROVEMENT_BY} by default (no published number); a later session flags fewer slow improvers, later.`}
        type="number"
        min={2}
        max={52}
        required
        value={draft.noImprovementBySession}
        onChange={(e) =>
          setDraft({ ...draft, noImprovementBySession: e.target.value })
        }
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
      {organisation.data && (
        <CheckinScheduleNote organisation={organisation.data} />
      )}
    </>
  );
}
