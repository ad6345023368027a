// Runs one user action at a time and keeps its outcome for <ActionStatus>.
import { useCallback, useState } from "react";

export interface Action {
  busy: boolean;
  error: string | null;
  done: string | null;
  /** Runs work; the string it resolves to is announced as the outcome. */
  run: (work: () => Promise<string | undefined>) => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback((work: () => Promise<string | undefined>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    work().then(
      (message) => {
        setBusy(false);
        setDone(message ?? null);
      },
      (reason: unknown) => {
        setBusy(false);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  }, []);
  return { busy, error, done, run };
}
