// Consents: the current state per kind (the latest record wins), with grant and withdraw.
import { listConsents, recordConsent } from "../api/clients";
import { CONSENT_KINDS, type Consent, type ConsentKind } from "../api/types";
import { ActionStatus } from "../components/ActionStatus";
import { LoadError } from "../components/LoadError";
import { formatDate } from "../components/format";
import { useAction } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import { Section } from "../components/Section";

export const CONSENT_LABEL: Record<ConsentKind, string> = {
  "routine-measurement": "Routine outcome and alliance measurement",
  "transcript-analysis": "Analysis of session transcripts",
  "research-export": "De-identified research export",
  "aggregate-statistics": "Aggregate statistics",
};

/** The latest record of each kind (the API answers one per kind; a later one wins). */
export function currentConsents(records: Consent[]): Map<ConsentKind, Consent> {
  const current = new Map<ConsentKind, Consent>();
  for (const record of records) {
    const seen = current.get(record.kind);
    if (!seen || (seen.recordedAt ?? "") <= (record.recordedAt ?? ""))
      current.set(record.kind, record);
  }
  return current;
}

function stateOf(record: Consent | undefined): string {
  if (!record?.recordedAt) return "Not recorded";
  return `${record.granted ? "Granted" : "Withdrawn"} ${formatDate(record.recordedAt)}`;
}

export function ConsentsSection({
  clientId,
  canEdit,
}: {
  clientId: string;
  canEdit: boolean;
}) {
  const consents = useLoad(() => listConsents(clientId), clientId);
  const action = useAction();
  const current = currentConsents(consents.data?.items ?? []);
  const record = (kind: ConsentKind, granted: boolean) =>
    action.run(async () => {
      consents.set(await recordConsent(clientId, kind, granted));
      return `${granted ? "Consent" : "Withdrawal"} recorded: ${CONSENT_LABEL[kind]}.`;
    });
  return (
    <Section title="Consents">
      <LoadError error={consents.error} />
      <div
        className="table-scroll"
        role="region"
        aria-label="Consents table"
        tabIndex={0}
      >
        <table>
          <caption className="visually-hidden">Consent by purpose</caption>
          <thead>
            <tr>
              <th scope="col">Purpose</th>
              <th scope="col">State</th>
              {canEdit && <th scope="col">Record</th>}
            </tr>
          </thead>
          <tbody>
            {CONSENT_KINDS.map((kind) => {
              const granted = current.get(kind)?.granted === true;
              return (
                <tr key={kind}>
                  <th scope="row">{CONSENT_LABEL[kind]}</th>
                  <td>{stateOf(current.get(kind))}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="secondary small"
                        disabled={action.busy}
                        onClick={() => record(kind, !granted)}
                      >
                        {granted ? "Record withdrawal" : "Record consent"}
                        <span className="visually-hidden">
                          : {CONSENT_LABEL[kind]}
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ActionStatus action={action} />
    </Section>
  );
}
