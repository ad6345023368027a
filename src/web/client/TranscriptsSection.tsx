// Session transcripts: upload one for a session (needs the client's transcript-analysis consent),
// follow its analysis, and read its profile and coded utterances.
import { useCallback, useId, useState } from "react";
import {
  deleteTranscript,
  getTranscript,
  listTranscripts,
  uploadTranscript,
  type TranscriptStatus,
  type TranscriptSummary,
} from "../api/transcripts";
import type { TherapySession } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { formatDateTime } from "../components/format";
import { Section } from "../components/Section";
import { ActionStatus } from "../components/ActionStatus";
import { useAction } from "../components/useAction";
import { useBackoffPoll, type Backoff } from "../components/useBackoffPoll";
import { useLoad } from "../components/useLoad";
import { TranscriptProfileView } from "../transcripts/TranscriptProfileView";
import { UtteranceList } from "../transcripts/UtteranceList";
import type { ClientSessions } from "./useClientSessions";

const STATUS_LABEL: Record<TranscriptStatus, string> = {
  queued: "Waiting to be analysed",
  analysing: "Being analysed",
  done: "Analysed",
  failed: "Analysis failed",
};

/** Ask again 2 s after an upload, then less and less often, at least every 15 s. */
const POLL: Backoff = { firstMs: 2000, maxMs: 15_000 };

const pending = (t: TranscriptSummary) =>
  t.status === "queued" || t.status === "analysing";

function UploadForm({
  clientId,
  sessions,
  onUploaded,
}: {
  clientId: string;
  sessions: TherapySession[];
  onUploaded: (id: string) => void;
}) {
  const [sessionId, setSessionId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [therapist, setTherapist] = useState("");
  const action = useAction();
  const sessionFieldId = useId();
  const fileFieldId = useId();
  return (
    <ActionForm
      action={action}
      submitLabel="Upload and analyse"
      onSubmit={async () => {
        if (!sessionId || !file)
          throw new Error("Choose a session and a transcript file.");
        const queued = await uploadTranscript(
          clientId,
          sessionId,
          file,
          therapist.trim() || undefined,
        );
        onUploaded(queued.id);
        return `${file.name} uploaded; it is being analysed.`;
      }}
    >
      <div className="field">
        <label htmlFor={sessionFieldId}>Session of the transcript</label>
        <select
          id={sessionFieldId}
          required
          value={sessionId}
          onChange={(e) => setSessionId(e.target.value)}
        >
          <option value="">Choose a session</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {formatDateTime(s.startsAt)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fileFieldId}>Transcript file</label>
        <span className="hint" id={`${fileFieldId}-hint`}>
          WebVTT, SRT, plain text (Name: words) or JSON.
        </span>
        <input
          id={fileFieldId}
          type="file"
          accept=".vtt,.srt,.txt,.json,text/vtt,text/plain,application/json"
          aria-describedby={`${fileFieldId}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Field
        label="Therapist's speaker name (optional)"
        hint="Otherwise the speaker who asks most questions is taken to be the therapist."
        maxLength={200}
        value={therapist}
        onChange={(e) => setTherapist(e.target.value)}
      />
    </ActionForm>
  );
}

function TranscriptDetailView({ id }: { id: string }) {
  const detail = useLoad(() => getTranscript(id), id);
  if (detail.error) return <LoadError error={detail.error} />;
  const analysis = detail.data?.analysis;
  if (!analysis) return <p role="status">Loading the analysis…</p>;
  return (
    <>
      <TranscriptProfileView profile={analysis.profile} />
      <UtteranceList utterances={analysis.utterances} />
    </>
  );
}

function TranscriptRow({
  transcript,
  when,
  shown,
  onShow,
  onDelete,
}: {
  transcript: TranscriptSummary;
  when: string;
  shown: boolean;
  onShow: () => void;
  /** Absent for a reader. */
  onDelete?: { busy: boolean; run: () => void };
}) {
  return (
    <tr>
      <th scope="row">{when}</th>
      <td>
        {STATUS_LABEL[transcript.status]}
        {transcript.error && `: ${transcript.error}`}
      </td>
      <td>
        {transcript.status === "done" && (
          <button
            type="button"
            className="secondary small"
            aria-pressed={shown}
            onClick={onShow}
          >
            Show the profile of {when}
          </button>
        )}
      </td>
      {onDelete && (
        <td>
          <button
            type="button"
            className="secondary small"
            aria-label={`Delete the transcript of ${when}`}
            disabled={onDelete.busy}
            onClick={onDelete.run}
          >
            Delete
          </button>
        </td>
      )}
    </tr>
  );
}

export function TranscriptsSection({
  clientId,
  canEdit,
  sessions,
  poll = POLL,
}: {
  clientId: string;
  canEdit: boolean;
  sessions: ClientSessions;
  /** How long to wait before asking again while a transcript is being analysed. */
  poll?: Backoff;
}) {
  const loaded = useLoad(() => listTranscripts(clientId), clientId);
  const [shown, setShown] = useState<string | null>(null);
  const action = useAction();
  const transcripts = loaded.data?.items ?? [];
  const { reload, set } = loaded;
  const waitingFor = transcripts
    .filter(pending)
    .map((t) => t.id)
    .join(" ");
  const look = useCallback(
    () => listTranscripts(clientId).then(set),
    [clientId, set],
  );
  useBackoffPoll(waitingFor, look, poll);
  const sessionTime = new Map(
    (sessions.data ?? []).map((s) => [s.id, s.startsAt]),
  );
  const when = (t: TranscriptSummary) =>
    `the session on ${formatDateTime(sessionTime.get(t.sessionId) ?? t.createdAt)}`;
  const shownTranscript = transcripts.find((t) => t.id === shown);
  const remove = (t: TranscriptSummary) => {
    const what = `the transcript of ${when(t)}`;
    const question = `Delete ${what} and its analysis? This cannot be undone.`;
    if (!window.confirm(question)) return;
    action.run(async () => {
      await deleteTranscript(t.id);
      setShown((id) => (id === t.id ? null : id));
      reload();
      return `Deleted ${what}.`;
    });
  };
  return (
    <Section title="Transcripts" wide>
      <LoadError error={loaded.error} />
      {loaded.data && transcripts.length === 0 && <p>No transcripts yet.</p>}
      {transcripts.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">
              Transcripts by session
            </caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">State</th>
                <th scope="col">Profile</th>
                {canEdit && <th scope="col">Delete</th>}
              </tr>
            </thead>
            <tbody>
              {transcripts.map((t) => (
                <TranscriptRow
                  key={t.id}
                  transcript={t}
                  when={when(t)}
                  shown={t.id === shown}
                  onShow={() => setShown(t.id === shown ? null : t.id)}
                  onDelete={
                    canEdit
                      ? { busy: action.busy, run: () => remove(t) }
                      : undefined
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <ActionStatus action={action} />}
      {shownTranscript?.status === "done" && (
        <section aria-label={`Profile of ${when(shownTranscript)}`}>
          <h3>Profile of {when(shownTranscript)}</h3>
          <TranscriptDetailView id={shownTranscript.id} />
        </section>
      )}
      <LoadError error={sessions.error} />
      {canEdit && loaded.data && sessions.data && (
        <UploadForm
          clientId={clientId}
          sessions={sessions.data}
          onUploaded={(id) => {
            setShown(id);
            reload();
          }}
        />
      )}
    </Section>
  );
}
