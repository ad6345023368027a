// The one-screen brief before a session: what changed since the last attended one.
import { fetchClientAlerts } from "../api/alerts";
import { listGoals } from "../api/clients";
import { fetchResponses } from "../api/responses";
import { reasonFor } from "../caseload/attention";
import type { ClientSessions } from "../client/useClientSessions";
import { LoadError } from "../components/LoadError";
import { Section } from "../components/Section";
import { formatDate, formatDateTime } from "../components/format";
import { useLoad } from "../components/useLoad";
import { useClientDataKey } from "../client/clientDataVersion";
import { sinceLastSession, type Brief } from "./brief";

/** What the brief needs besides the sessions, which the page shares. */
async function loadRecord(clientId: string) {
  const [responses, alerts, goals] = await Promise.all([
    fetchResponses(clientId),
    fetchClientAlerts(clientId),
    listGoals(clientId),
  ]);
  return {
    responses: responses ?? [],
    alerts: alerts ?? [],
    goals: goals.items,
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n} ${n === 1 ? one : many}`;

function BriefList({ brief }: { brief: Brief }) {
  return (
    <ul className="brief">
      <li>
        {brief.newScores.length === 0
          ? "No new scores."
          : `${plural(brief.newScores.length, "new score", "new scores")}: ${brief.newScores
              .map((r) => `${r.instrumentId} ${r.total} (${formatDate(r.at)})`)
              .join("; ")}.`}
      </li>
      <li>
        {brief.newAlerts.length === 0
          ? "No new alerts."
          : `${plural(brief.newAlerts.length, "new alert", "new alerts")}: ${brief.newAlerts
              .map((a) => reasonFor(a.kind))
              .join("; ")}.`}
      </li>
      <li>
        {brief.missedSessions.length === 0
          ? "No missed sessions."
          : `${plural(brief.missedSessions.length, "missed session", "missed sessions")}: ${brief.missedSessions
              .map((s) => formatDate(s.startsAt))
              .join(", ")}.`}
      </li>
      <li>
        {brief.changedGoals.length === 0
          ? "No goal changes."
          : `Goals changed: ${brief.changedGoals
              .map((g) => `${g.text} (${g.status})`)
              .join("; ")}.`}
      </li>
    </ul>
  );
}

export function PreSessionBrief({
  clientId,
  sessions,
}: {
  clientId: string;
  sessions: ClientSessions;
}) {
  const record = useLoad(
    () => loadRecord(clientId),
    useClientDataKey(clientId),
  );
  const error = record.error ?? sessions.error;
  const data =
    record.data && sessions.data
      ? sinceLastSession(
          { ...record.data, sessions: sessions.data },
          new Date().toISOString(),
        )
      : null;
  return (
    <Section title="Pre-session brief">
      <LoadError error={error} />
      {!data && !error && <p role="status">Loading the brief…</p>}
      {data && (
        <>
          <p>
            <strong>
              {data.lastSession
                ? `Since last session (${formatDate(data.lastSession.startsAt)}):`
                : "Since the start of care:"}
            </strong>
            {data.nextSession &&
              ` next session ${formatDateTime(data.nextSession.startsAt)}.`}
          </p>
          <BriefList brief={data} />
        </>
      )}
    </Section>
  );
}
