// A form whose submit runs one action: its fields, a submit button disabled while the action runs,
// then the action's outcome (unless the caller announces it, for an action shared with other controls).
import type { ReactNode } from "react";
import { ActionStatus } from "./ActionStatus";
import type { Action } from "./useAction";

interface Props {
  action: Action;
  /** Runs on submit; the string it resolves to is announced as the outcome. */
  onSubmit: () => Promise<string | undefined>;
  submitLabel: ReactNode;
  children: ReactNode;
  className?: string;
  submitClassName?: string;
  /** Disables the submit button for a reason besides the action running. */
  submitDisabled?: boolean;
  /** False where the caller renders the action's <ActionStatus> itself. */
  announce?: boolean;
}

export function ActionForm({
  action,
  onSubmit,
  submitLabel,
  children,
  className,
  submitClassName,
  submitDisabled = false,
  announce = true,
}: Props) {
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        action.run(onSubmit);
      }}
    >
      {children}
      <button
        type="submit"
        className={submitClassName}
        disabled={action.busy || submitDisabled}
      >
        {submitLabel}
      </button>
      {announce && <ActionStatus action={action} />}
    </form>
  );
}
