// Asks again while something is pending: first after `firstMs`, then twice as long each time up
// to `maxMs`. It starts over when what is pending changes, and stops once nothing is pending or
// the component unmounts.
import { useEffect, useRef } from "react";

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

/** The wait before the poll numbered `attempt` (0 for the first). */
export const pollDelay = (attempt: number, { firstMs, maxMs }: Backoff) =>
  Math.min(maxMs, firstMs * 2 ** attempt);

/**
 * `pending` names what is awaited ("" for nothing); `busy` holds the next poll back while the
 * last one is still loading.
 */
export function useBackoffPoll(
  pending: string,
  busy: boolean,
  poll: () => void,
  { firstMs, maxMs }: Backoff,
): void {
  const attempt = useRef(0);
  useEffect(() => {
    attempt.current = 0;
  }, [pending]);
  useEffect(() => {
    if (!pending || busy) return;
    const timer = setTimeout(
      () => {
        attempt.current += 1;
        poll();
      },
      pollDelay(attempt.current, { firstMs, maxMs }),
    );
    return () => clearTimeout(timer);
  }, [pending, busy, poll, firstMs, maxMs]);
}
