// The client's goals: add one, mark one achieved.
import { useState } from "react";
import { addGoal, listGoals, setGoalStatus } from "../api/clients";
import type { GoalStatus } from "../api/types";
import { ActionForm } from "../components/ActionForm";
import { ActionStatus } from "../components/ActionStatus";
import { Field } from "../components/Field";
import { LoadError } from "../components/LoadError";
import { useAction } from "../components/useAction";
import { useLoad } from "../components/useLoad";
import { Section } from "../components/Section";

const STATUS_LABEL: Record<GoalStatus, string> = {
  active: "Active",
  achieved: "Achieved",
  dropped: "Dropped",
};

export function GoalsSection({
  clientId,
  canEdit,
}: {
  clientId: string;
  canEdit: boolean;
}) {
  const goals = useLoad(() => listGoals(clientId), clientId);
  const [text, setText] = useState("");
  const action = useAction();
  const items = goals.data?.items ?? [];
  return (
    <Section title="Goals">
      <LoadError error={goals.error} />
      {goals.data && items.length === 0 && <p>No goals yet.</p>}
      <ul className="plain">
        {items.map((goal) => (
          <li key={goal.id}>
            <span>{goal.text}</span>{" "}
            <span className={`tag tag-${goal.status}`}>
              {STATUS_LABEL[goal.status]}
            </span>
            {canEdit && goal.status === "active" && (
              <button
                type="button"
                className="secondary small"
                aria-label={`Mark "${goal.text}" achieved`}
                disabled={action.busy}
                onClick={() =>
                  action.run(async () => {
                    await setGoalStatus(clientId, goal.id, "achieved");
                    goals.reload();
                    return `Goal "${goal.text}" marked achieved.`;
                  })
                }
              >
                Mark achieved
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <ActionForm
          action={action}
          className="inline-form"
          submitLabel="Add goal"
          announce={false}
          onSubmit={async () => {
            const goal = await addGoal(clientId, text.trim());
            setText("");
            goals.reload();
            return `Goal "${goal.text}" added.`;
          }}
        >
          <Field
            label="New goal"
            required
            maxLength={10000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </ActionForm>
      )}
      <ActionStatus action={action} />
    </Section>
  );
}
