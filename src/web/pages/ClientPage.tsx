// One client: the pre-session brief, alerts, the timeline of measures, record, sessions, check-ins, transcripts, goals, episodes, consents, care team and export.
// Supervisors and break-glass administrators read; only therapists see the edit controls.
import { useState } from "react";
import { getClient } from "../api/clients";
import type { Client } from "../api/types";
import { AlertsSection } from "../client/AlertsSection";
import { CareTeamSection } from "../client/CareTeamSection";
import { CheckinSection } from "../client/CheckinSection";
import { ClientDataVersion } from "../client/clientDataVersion";
import { ConsentsSection } from "../client/ConsentsSection";
import { EpisodesSection } from "../client/EpisodesSection";
import { ExportSection } from "../client/ExportSection";
import { GoalsSection } from "../client/GoalsSection";
import { OutcomesSection } from "../client/OutcomesSection";
import { RecordSection } from "../client/RecordSection";
import { SessionsSection } from "../client/SessionsSection";
import { TranscriptsSection } from "../client/TranscriptsSection";
import { useClientSessions } from "../client/useClientSessions";
import { Link } from "../components/Link";
import { LoadError } from "../components/LoadError";
import { PageHeading } from "../components/PageHeading";
import { formatDate } from "../components/format";
import { canEditClients, useSession } from "../components/session";
import { useLoad } from "../components/useLoad";
import { PreSessionBrief } from "../timeline/PreSessionBrief";

function ClientDetails({ client }: { client: Client }) {
  return (
    <dl className="details">
      <dt>Status</dt>
      <dd>{client.status === "active" ? "Active" : "Discharged"}</dd>
      <dt>Client since</dt>
      <dd>{formatDate(client.createdAt)}</dd>
      <dt>Record id</dt>
      <dd>
        <code>{client.id}</code>
      </dd>
    </dl>
  );
}

export function ClientPage({ clientId }: { clientId: string }) {
  const { me } = useSession();
  const client = useLoad(() => getClient(clientId), clientId);
  const sessions = useClientSessions(clientId);
  const canEdit = canEditClients(me);
  const [dataVersion, setDataVersion] = useState(0);
  if (client.error)
    return (
      <>
        <PageHeading>Client</PageHeading>
        <LoadError error={client.error} />
        <Link href="/">Back to the caseload</Link>
      </>
    );
  if (!client.data) return <p role="status">Loading the client…</p>;
  const data = client.data;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">Caseload</Link>
      </p>
      <PageHeading>{data.name}</PageHeading>
      {!canEdit && (
        <p className="notice">
          Read-only: you can see this record but not change it.
        </p>
      )}
      <ClientDetails client={data} />
      <ClientDataVersion.Provider value={dataVersion}>
        <div className="sections">
          <PreSessionBrief clientId={clientId} sessions={sessions} />
          <AlertsSection
            clientId={clientId}
            canEdit={canEdit}
            canActOnEscalated={!canEdit}
          />
          <OutcomesSection clientId={clientId} sessions={sessions} />
          <SessionsSection
            clientId={clientId}
            canEdit={canEdit}
            sessions={sessions}
          />
          {canEdit && (
            <CheckinSection
              clientId={clientId}
              sessions={sessions}
              onCompleted={() => setDataVersion((v) => v + 1)}
            />
          )}
          <TranscriptsSection
            clientId={clientId}
            canEdit={canEdit}
            sessions={sessions}
          />
          <GoalsSection clientId={clientId} canEdit={canEdit} />
          <EpisodesSection clientId={clientId} canEdit={canEdit} />
          <ConsentsSection clientId={clientId} canEdit={canEdit} />
          <CareTeamSection
            client={data}
            canEdit={canEdit}
            onChange={client.set}
          />
          {canEdit && <RecordSection client={data} onChange={client.set} />}
          <ExportSection clientId={clientId} />
        </div>
      </ClientDataVersion.Provider>
    </>
  );
}
