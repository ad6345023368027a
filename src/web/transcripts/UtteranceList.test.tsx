import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Utterance } from "../api/transcripts";
import { UTTERANCE_PAGE, UtteranceList } from "./UtteranceList";

function utterance(index: number): Utterance {
  return {
    index,
    speaker: index % 2 ? "Sam" : "Dr Lee",
    role: index % 2 ? "client" : "therapist",
    text: `line ${index}`,
    behaviour: index % 2 ? null : "question",
    reflection: null,
    question: index % 2 ? null : "open",
    talk: index % 2 ? "neutral" : null,
    markers: [],
  };
}

const items = () =>
  within(screen.getByRole("list", { name: "Coded utterances" })).getAllByRole(
    "listitem",
  );

describe("UtteranceList", () => {
  it("shows a short transcript whole, without a show-more button", () => {
    render(<UtteranceList utterances={[0, 1, 2].map(utterance)} />);
    expect(items()).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });

  it("shows a long transcript a page at a time, in order, until all are shown", () => {
    const total = UTTERANCE_PAGE * 2 + 5;
    render(
      <UtteranceList
        utterances={Array.from({ length: total }, (_, i) => utterance(i))}
      />,
    );
    expect(items()).toHaveLength(UTTERANCE_PAGE);
    screen.getByText(`Showing ${UTTERANCE_PAGE} of ${total} utterances.`, {
      exact: false,
    });
    fireEvent.click(screen.getByRole("button", { name: "Show 200 more" }));
    expect(items()).toHaveLength(UTTERANCE_PAGE * 2);
    fireEvent.click(screen.getByRole("button", { name: "Show 5 more" }));
    expect(items()).toHaveLength(total);
    expect(items().at(-1)?.textContent).toContain(`line ${total - 1}`);
    expect(screen.queryByRole("button", { name: /more/ })).toBeNull();
  });
});
