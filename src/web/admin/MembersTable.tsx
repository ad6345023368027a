// Members with their role and state; deactivate (or reactivate), email a new password link, and
// hand over a caseload.
import { useId, useState } from "react";
import {
  sendPasswordLink,
  setMemberActive,
  transferCaseload,
} from "../api/admin";
import type { Member } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { useAction, type Action } from "../components/useAction";
import { ROLE_LABEL } from "./InviteMemberForm";

function TransferCaseload({
  from,
  therapists,
  action,
}: {
  from: Member;
  therapists: Member[];
  action: Action;
}) {
  const [to, setTo] = useState("");
  const id = useId();
  return (
    <ActionForm
      action={action}
      className="inline-form compact"
      submitClassName="secondary small"
      submitLabel={
        <>
          Transfer
          <span className="visually-hidden"> {from.name}'s caseload</span>
        </>
      }
      announce={false}
      onSubmit={async () => {
        const { transferred } = await transferCaseload(from.id, to);
        return `Moved ${transferred} clients from ${from.name}.`;
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Transfer {from.name}'s caseload to
      </label>
      <select
        id={id}
        required
        value={to}
        onChange={(e) => setTo(e.target.value)}
      >
        <option value="">Transfer caseload to…</option>
        {therapists
          .filter((t) => t.id !== from.id && t.active)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
    </ActionForm>
  );
}

export function MembersTable({
  members,
  onChange,
}: {
  members: Member[];
  onChange: (m: Member) => void;
}) {
  const action = useAction();
  const therapists = members.filter((m) => m.role === "therapist");
  return (
    <>
      <div
        className="table-scroll"
        role="region"
        aria-label="Members table"
        tabIndex={0}
      >
        <table>
          <caption className="visually-hidden">
            Members of the organisation
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td>{m.email}</td>
                <td>{ROLE_LABEL[m.role]}</td>
                <td>{m.active ? "Active" : "Deactivated"}</td>
                <td>
                  <div className="actions-row">
                    <button
                      type="button"
                      className="secondary small"
                      disabled={action.busy}
                      onClick={() =>
                        action.run(async () => {
                          onChange(await setMemberActive(m.id, !m.active));
                          return `${m.name} ${m.active ? "deactivated" : "reactivated"}.`;
                        })
                      }
                    >
                      {m.active ? "Deactivate" : "Reactivate"}
                      <span className="visually-hidden"> {m.name}</span>
                    </button>
                    {m.active && (
                      <button
                        type="button"
                        className="secondary small"
                        disabled={action.busy}
                        onClick={() =>
                          action.run(async () => {
                            await sendPasswordLink(m.id);
                            return `Emailed ${m.name} a link to set their password.`;
                          })
                        }
                      >
                        Email password link
                        <span className="visually-hidden"> to {m.name}</span>
                      </button>
                    )}
                    {m.role === "therapist" && (
                      <TransferCaseload
                        from={m}
                        therapists={therapists}
                        action={action}
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ActionStatus action={action} />
    </>
  );
}
