// The outcome of an action, announced to screen readers (errors assertively).
import type { Action } from "./useAction";

export function ActionStatus({
  action,
}: {
  action: Pick<Action, "error" | "done">;
}) {
  return (
    <>
      <p role="alert" className="error">
        {action.error}
      </p>
      <p role="status" className="done">
        {action.done}
      </p>
    </>
  );
}
