// Asks again while something is pending: first after `firstMs`, then twice as long each time up
// to `maxMs`. It starts over when what is pending changes, and stops once nothing is pending or
// the component unmounts.
import { useEffect } from "react";

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/** The wait before the poll numbered `attempt` (0 for the first). */
export const pollDelay = (attempt: number, { firstMs, maxMs }: Backoff) =>
  Math.min(maxMs, firstMs * 2 ** attempt);

/**
 * `pending` names what is awaited ("" for nothing); `poll` must be stable (useCallback). The next
 * wait starts when a poll's promise settles, so polls never overlap, and the loop does not depend
 * on React rendering between a poll's start and its answer (a fast answer is batched with it).
 */
export function useBackoffPoll(
  pending: string,
  poll: () => Promise<unknown>,
  { firstMs, maxMs }: Backoff,
): void {
  useEffect(() => {
    if (!pending) return;
    let attempt = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer = setTimeout(
        () => {
          attempt += 1;
          // A failed poll is simply tried again after the next wait.
          poll()
            .catch(() => undefined)
            .finally(() => {
              if (!stopped) schedule();
            });
        },
        pollDelay(attempt, { firstMs, maxMs }),
      );
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, poll, firstMs, maxMs]);
}
