// Session transcripts: upload one for a session (needs the client's transcript-analysis consent),
// follow its analysis, and read its profile and coded utterances.
import { useEffect, useId, useState } from "react";
import {
  getTranscript,
  listTranscripts,
  uploadTranscript,
  type TranscriptStatus,
  type TranscriptSummary,
} from "../api/transcripts";
import type { TherapySession } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { Field } from "../components/Field";
import { formatDateTime } from "../components/format";
import { Section } from "../components/Section";
import { useAction } from "../components/useAction";
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
  if (detail.error)
    return (
      <p role="alert" className="error">
        {detail.error}
      </p>
    );
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
}: {
  transcript: TranscriptSummary;
  when: string;
  shown: boolean;
  onShow: () => void;
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
    </tr>
  );
}

export function TranscriptsSection({
  clientId,
  canEdit,
  sessions,
  pollMs = 2000,
}: {
  clientId: string;
  canEdit: boolean;
  sessions: ClientSessions;
  /** How often to ask again while a transcript is being analysed. */
  pollMs?: number;
}) {
  const loaded = useLoad(() => listTranscripts(clientId), clientId);
  const [shown, setShown] = useState<string | null>(null);
  const transcripts = loaded.data?.items ?? [];
  const waiting = transcripts.some(pending);
  const { reload, loading } = loaded;
  useEffect(() => {
    if (!waiting || loading) return;
    const timer = setTimeout(reload, pollMs);
    return () => clearTimeout(timer);
  }, [waiting, loading, reload, pollMs]);
  const sessionTime = new Map(
    (sessions.data ?? []).map((s) => [s.id, s.startsAt]),
  );
  const when = (t: TranscriptSummary) =>
    `the session on ${formatDateTime(sessionTime.get(t.sessionId) ?? t.createdAt)}`;
  const shownTranscript = transcripts.find((t) => t.id === shown);
  return (
    <Section title="Transcripts" wide>
      {loaded.error && (
        <p role="alert" className="error">
          {loaded.error}
        </p>
      )}
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
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shownTranscript?.status === "done" && (
        <section aria-label={`Profile of ${when(shownTranscript)}`}>
          <h3>Profile of {when(shownTranscript)}</h3>
          <TranscriptDetailView id={shownTranscript.id} />
        </section>
      )}
      {sessions.error && (
        <p role="alert" className="error">
          {sessions.error}
        </p>
      )}
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
