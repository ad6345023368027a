// The one-screen brief before a session: what changed since the last attended one.
import { fetchClientAlerts } from "../api/alerts";
import { listGoals, listSessions } from "../api/clients";
import { fetchResponses } from "../api/responses";
import { reasonFor } from "../caseload/attention";
import { Section } from "../components/Section";
import { formatDate, formatDateTime } from "../components/format";
import { useLoad } from "../components/useLoad";
import { sinceLastSession, type Brief } from "./brief";

async function loadBrief(clientId: string): Promise<Brief> {
  const [sessions, responses, alerts, goals] = await Promise.all([
    listSessions(clientId),
    fetchResponses(clientId),
    fetchClientAlerts(clientId),
    listGoals(clientId),
  ]);
  return sinceLastSession(
    {
      sessions: sessions.items,
      responses: responses ?? [],
      alerts: alerts ?? [],
      goals: goals.items,
    },
    new Date().toISOString(),
  );
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

export function PreSessionBrief({ clientId }: { clientId: string }) {
  const brief = useLoad(() => loadBrief(clientId), clientId);
  const data = brief.data;
  return (
    <Section title="Pre-session brief">
      {brief.error && (
        <p role="alert" className="error">
          {brief.error}
        </p>
      )}
      {brief.loading && <p role="status">Loading the brief…</p>}
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
