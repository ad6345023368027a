// Episodes of care: open one, discharge an open one with a reason.
import { useState } from "react";
import { dischargeEpisode, listEpisodes, openEpisode } from "../api/clients";
import type { Episode } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { formatDate } from "../components/format";
import { useAction, type Action } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import { Section } from "../components/Section";
import { EpisodeOutcomeText } from "./EpisodeOutcomeText";

function DischargeForm({
  clientId,
  episode,
  action,
  onDone,
}: {
  clientId: string;
  episode: Episode;
  action: Action;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitClassName="secondary"
      submitLabel="Discharge"
      announce={false}
      onSubmit={async () => {
        await dischargeEpisode(clientId, episode.id, reason.trim());
        onDone();
        return "Episode discharged.";
      }}
    >
      <Field
        label={`Discharge reason (episode opened ${formatDate(episode.openedAt)})`}
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </ActionForm>
  );
}

function describe(episode: Episode): string {
  const opened = `Opened ${formatDate(episode.openedAt)}`;
  if (!episode.dischargedAt) return `${opened}, open`;
  const reason = episode.dischargeReason ? ` (${episode.dischargeReason})` : "";
  return `${opened}, discharged ${formatDate(episode.dischargedAt)}${reason}`;
}

export function EpisodesSection({
  clientId,
  canEdit,
}: {
  clientId: string;
  canEdit: boolean;
}) {
  const episodes = useLoad(() => listEpisodes(clientId), clientId);
  const action = useAction();
  const items = episodes.data?.items ?? [];
  return (
    <Section title="Episodes of care">
      <LoadError error={episodes.error} />
      {episodes.data && items.length === 0 && <p>No episodes yet.</p>}
      <ul className="plain">
        {items.map((episode) => (
          <li key={episode.id}>
            {describe(episode)}
            {episode.talkingTherapies && (
              <>
                {". "}
                <EpisodeOutcomeText outcome={episode.talkingTherapies} />
              </>
            )}
            {canEdit && !episode.dischargedAt && (
              <DischargeForm
                clientId={clientId}
                episode={episode}
                action={action}
                onDone={episodes.reload}
              />
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <button
          type="button"
          className="secondary"
          disabled={action.busy}
          onClick={() =>
            action.run(async () => {
              await openEpisode(clientId);
              episodes.reload();
              return "Episode opened.";
            })
          }
        >
          Open an episode
        </button>
      )}
      <ActionStatus action={action} />
    </Section>
  );
}
