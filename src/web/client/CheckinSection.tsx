// Create a check-in for a session: choose the session and questionnaires (the organisation's
// alliance and outcome packs), then give the client the link, its QR code, or an email. While the
// link is shown, its status is polled, so the page says when the client has finished and the
// timeline, alerts and brief show the new answers without a reload.
import { useCallback, useEffect, useId, useState } from "react";
import {
  createCheckin,
  emailCheckin,
  getCheckinStatus,
  type CheckinLink,
  type CheckinStatus,
} from "../api/checkins";
import { listInstruments, type InstrumentSummary } from "../api/instruments";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { formatDateTime } from "../components/format";
import { Section } from "../components/Section";
import { useAction } from "../components/useAction";
import { useBackoffPoll, type Backoff } from "../components/useBackoffPoll";
import { useLoad } from "../components/useLoad";
import { SESSION_STATUS_LABEL } from "./SessionsSection";
import type { ClientSessions } from "./useClientSessions";

/** The organisation's packs a check-in can ask: alliance and outcome measures. */
async function loadInstruments(): Promise<InstrumentSummary[]> {
  const { items } = await listInstruments();
  return items.filter((i) => i.kind === "alliance" || i.kind === "outcome");
}

const svgDataUrl = (svg: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function EmailForm({ checkinId }: { checkinId: string }) {
  const [email, setEmail] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitClassName="secondary"
      submitLabel="Email a link"
      onSubmit={async () => {
        await emailCheckin(checkinId, email.trim());
        return `A new link is on its way to ${email.trim()}; the link above still works.`;
      }}
    >
      <Field
        label="Client's email"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
    </ActionForm>
  );
}

export function CheckinLinkPanel({ link }: { link: CheckinLink }) {
  const copy = useAction();
  return (
    <div className="checkin-link">
      <Field
        label="Check-in link"
        hint={`Shown once: it cannot be shown again. Expires ${formatDateTime(link.expiresAt)}.`}
        readOnly
        value={link.url}
        onFocus={(e) => e.target.select()}
      />
      <p className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            copy.run(async () => {
              await navigator.clipboard.writeText(link.url);
              return "Link copied.";
            })
          }
        >
          Copy link
        </button>
      </p>
      <ActionStatus action={copy} />
      <img
        className="qr"
        src={svgDataUrl(link.qrSvg)}
        width={180}
        height={180}
        alt="QR code of the check-in link, for the client's phone camera"
      />
      <EmailForm checkinId={link.id} />
    </div>
  );
}

/** A client in the room answers within minutes; a link sent home may wait for days. */
const STATUS_POLL: Backoff = { firstMs: 5_000, maxMs: 60_000 };

const STATUS_MESSAGE: Record<Exclude<CheckinStatus, "open">, string> = {
  completed:
    "The client has completed this check-in: the timeline and alerts now include the answers.",
  expired: "This check-in link has expired without being completed.",
  cancelled: "This check-in was cancelled.",
};

/** The check-in's status, polled until it is no longer open. */
function useCheckinStatus(
  checkinId: string | null,
  backoff: Backoff,
): CheckinStatus | null {
  // Kept with the id it belongs to, so a new check-in starts with no status.
  const [seen, setSeen] = useState<{ id: string; status: CheckinStatus }>();
  const status = seen && seen.id === checkinId ? seen.status : null;
  const look = useCallback(
    () =>
      checkinId
        ? getCheckinStatus(checkinId).then((c) =>
            setSeen({ id: checkinId, status: c.status }),
          )
        : Promise.resolve(),
    [checkinId],
  );
  const waiting = checkinId && (status === null || status === "open");
  useBackoffPoll(waiting ? checkinId : "", look, backoff);
  return status;
}

function InstrumentChoices({
  instruments,
  chosen,
  onToggle,
}: {
  instruments: InstrumentSummary[];
  chosen: string[];
  onToggle: (id: string) => void;
}) {
  return (
    <fieldset>
      <legend>Questionnaires</legend>
      {instruments.map((i) => (
        <label key={i.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(i.id)}
            onChange={() => onToggle(i.id)}
          />
          {i.title} · {i.kind}
          {i.validated ? "" : " · not validated"}
        </label>
      ))}
    </fieldset>
  );
}

export function CheckinSection({
  clientId,
  sessions,
  onCompleted,
  poll = STATUS_POLL,
}: {
  clientId: string;
  sessions: ClientSessions;
  /** Called once when the client completes the check-in just created. */
  onCompleted: () => void;
  /** How often the new check-in's status is asked for (tests shorten it). */
  poll?: Backoff;
}) {
  const instruments = useLoad(loadInstruments, "checkin-instruments");
  const loadError = instruments.error ?? sessions.error;
  const [sessionId, setSessionId] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [link, setLink] = useState<CheckinLink | null>(null);
  const action = useAction();
  const sessionFieldId = useId();
  const status = useCheckinStatus(link?.id ?? null, poll);
  useEffect(() => {
    if (status === "completed") onCompleted();
    // Once per completion: onCompleted is a new closure on every render of the page.
  }, [status]);
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const submit = async () => {
    if (chosen.length === 0)
      throw new Error("Choose at least one questionnaire.");
    setLink(null);
    setLink(
      await createCheckin({
        clientId,
        instruments: chosen,
        ...(sessionId ? { sessionId } : {}),
      }),
    );
    return "Check-in created: give the client the link below.";
  };
  return (
    <Section title="Check-in">
      <LoadError error={loadError} />
      {instruments.data && sessions.data && (
        <ActionForm
          action={action}
          submitLabel="Create check-in link"
          announce={false}
          onSubmit={submit}
        >
          <div className="field">
            <label htmlFor={sessionFieldId}>Session</label>
            <select
              id={sessionFieldId}
              value={sessionId}
              onChange={(e) => setSessionId(e.target.value)}
            >
              <option value="">No particular session</option>
              {sessions.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {formatDateTime(s.startsAt)} ({SESSION_STATUS_LABEL[s.status]}
                  )
                </option>
              ))}
            </select>
          </div>
          <InstrumentChoices
            instruments={instruments.data}
            chosen={chosen}
            onToggle={toggle}
          />
        </ActionForm>
      )}
      <ActionStatus action={action} />
      {link && <CheckinLinkPanel link={link} />}
      <p role="status">
        {link && status && status !== "open" ? STATUS_MESSAGE[status] : ""}
      </p>
    </Section>
  );
}
