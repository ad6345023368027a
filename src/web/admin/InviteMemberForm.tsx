// Invite a member with a role. Nobody sets another member's password: the member gets an email
// with a one-time link to choose their own (and the audit log records who invited them).
import { useId, useState } from "react";
import { inviteMember } from "../api/admin";
import type { Member, Role } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { useAction } from "../components/useAction";

export const ROLE_LABEL: Record<Role, string> = {
  admin: "Administrator",
  supervisor: "Supervisor",
  therapist: "Therapist",
};

export function InviteMemberForm({
  onInvited,
}: {
  onInvited: (m: Member) => void;
}) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("therapist");
  const roleId = useId();
  const action = useAction();
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitLabel="Invite"
      onSubmit={async () => {
        const member = await inviteMember({
          email: email.trim(),
          name: name.trim(),
          role,
        });
        setEmail("");
        setName("");
        onInvited(member);
        return `Invited ${member.name} as ${ROLE_LABEL[member.role].toLowerCase()}: they get an email with a link to choose their password.`;
      }}
    >
      <Field
        label="Name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label="Email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select
          id={roleId}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
    </ActionForm>
  );
}
