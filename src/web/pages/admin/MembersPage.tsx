// Administration of members: the list, invitations, supervision links.
import { allMembers } from "../../api/admin";
import type { Member } from "../../api/types";
import { InviteMemberForm } from "../../admin/InviteMemberForm";
import { MembersTable } from "../../admin/MembersTable";
import { SuperviseesForm } from "../../admin/SuperviseesForm";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { Section } from "../../components/Section";
import { useLoad } from "../../components/useLoad";

export function MembersPage() {
  const members = useLoad(() => allMembers(), "members");
  const list = members.data ?? [];
  const replace = (changed: Member) =>
    members.set(list.map((m) => (m.id === changed.id ? changed : m)));
  const therapists = list.filter((m) => m.role === "therapist" && m.active);
  return (
    <>
      <PageHeading>Members</PageHeading>
      <LoadError error={members.error} />
      {members.loading && <p role="status">Loading members…</p>}
      <div className="sections">
        <Section title="Everyone" wide>
          <MembersTable members={list} onChange={replace} />
        </Section>
        <Section title="Invite a member">
          <InviteMemberForm onInvited={(m) => members.set([...list, m])} />
        </Section>
        <Section title="Supervision">
          {list
            .filter((m) => m.role === "supervisor" && m.active)
            .map((s) => (
              <SuperviseesForm
                key={s.id}
                supervisor={s}
                therapists={therapists}
                onSaved={replace}
              />
            ))}
        </Section>
      </div>
    </>
  );
}
