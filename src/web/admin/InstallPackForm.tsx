// Install an instrument pack from a JSON file; a refused pack lists every problem the server found.
import { useId, useState } from "react";
import { installPack, type InstrumentSummary } from "../api/instruments";
import { ApiError } from "../api/http";

type Outcome =
  | { kind: "none" }
  | { kind: "installed"; pack: InstrumentSummary }
  | { kind: "refused"; message: string; problems: string[] };

function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems)
    ? details.problems.map((p) => String(p))
    : [];
}

async function readPack(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(
      `${file.name} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <div role="alert" className="error">
        {outcome.kind === "refused" && (
          <>
            <p>{outcome.message}</p>
            {outcome.problems.length > 0 && (
              <ul aria-label="Problems in the pack">
                {outcome.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <p role="status" className="done">
        {outcome.kind === "installed" &&
          `Installed ${outcome.pack.title} (${outcome.pack.id} ${outcome.pack.version}).`}
      </p>
    </>
  );
}

export function InstallPackForm({
  onInstalled,
}: {
  onInstalled: (pack: InstrumentSummary) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const fileId = useId();
  const install = async (chosen: File) => {
    setBusy(true);
    setOutcome({ kind: "none" });
    try {
      const pack = await installPack(await readPack(chosen));
      setOutcome({ kind: "installed", pack });
      onInstalled(pack);
    } catch (error) {
      setOutcome({
        kind: "refused",
        message: error instanceof Error ? error.message : String(error),
        problems: problemsOf(error),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (file) void install(file);
        else
          setOutcome({
            kind: "refused",
            message: "Choose a pack file first.",
            problems: [],
          });
      }}
    >
      <div className="field">
        <label htmlFor={fileId}>Pack file (JSON)</label>
        <span className="hint" id={`${fileId}-hint`}>
          A FHIR R4 Questionnaire with its scoring spec; a changed pack needs a
          new version.
        </span>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" disabled={busy}>
        Install pack
      </button>
      <OutcomeView outcome={outcome} />
    </form>
  );
}
