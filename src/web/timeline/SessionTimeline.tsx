// Sessions (attended, cancelled, no-show) on the timeline with the check-ins made for them and
// the client's free-text feedback ("Is there anything that would have made today's session better?").
import type { Checkin, CheckinStatus } from "../api/checkins";
import { listCheckins } from "../api/checkins";
import { SESSION_STATUS_LABEL } from "../client/SessionsSection";
import type { ClientSessions } from "../client/useClientSessions";
import { LoadError } from "../components/LoadError";
import { formatDateTime } from "../components/format";
import { useLoad } from "../components/useLoad";
import { useClientDataKey } from "../client/clientDataVersion";
import { sessionEvents, type SessionEvent } from "./sessionEvents";

const CHECKIN_STATUS: Record<CheckinStatus, string> = {
  open: "Check-in open",
  completed: "Check-in completed",
  expired: "Check-in expired unanswered",
  cancelled: "Check-in cancelled",
};

function CheckinLine({ checkin }: { checkin: Checkin }) {
  return (
    <li>
      {CHECKIN_STATUS[checkin.status]}
      {checkin.completedAt && ` ${formatDateTime(checkin.completedAt)}`} (
      {checkin.instruments.join(", ")})
      {checkin.risk && <strong className="attention"> · risk answer</strong>}
      {checkin.feedback && (
        <blockquote className="feedback">
          <p>{checkin.feedback}</p>
        </blockquote>
      )}
    </li>
  );
}

function EventRow({ event }: { event: SessionEvent }) {
  return (
    <tr>
      <th scope="row">{formatDateTime(event.at)}</th>
      <td>
        {event.session
          ? SESSION_STATUS_LABEL[event.session.status]
          : "No particular session"}
      </td>
      <td>
        {event.checkins.length === 0 ? (
          "—"
        ) : (
          <ul className="plain">
            {event.checkins.map((c) => (
              <CheckinLine key={c.id} checkin={c} />
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function SessionTimeline({
  clientId,
  sessions,
}: {
  clientId: string;
  sessions: ClientSessions;
}) {
  const checkins = useLoad(
    () => listCheckins(clientId),
    useClientDataKey(clientId),
  );
  const error = checkins.error ?? sessions.error;
  const events =
    checkins.data && sessions.data
      ? sessionEvents(sessions.data, checkins.data.items)
      : null;
  return (
    <div className="session-timeline">
      <h3>Sessions and check-in feedback</h3>
      <LoadError error={error} />
      {events?.length === 0 && <p>No sessions or check-ins yet.</p>}
      {events && events.length > 0 && (
        <div
          className="table-scroll"
          role="region"
          aria-label="Sessions and check-ins"
          tabIndex={0}
        >
          <table>
            <caption className="visually-hidden">
              Sessions with their status and check-ins with the client's
              feedback, newest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Session</th>
                <th scope="col">Check-ins and feedback</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <EventRow
                  key={e.session?.id ?? e.checkins[0]?.id ?? e.at}
                  event={e}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
