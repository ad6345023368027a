import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CaseloadItem } from "../api/caseload";
import { CaseloadTable } from "./CaseloadTable";

const item = (over: Partial<CaseloadItem>): CaseloadItem => ({
  clientId: "c1",
  name: "Sam Ortiz",
  therapistId: "t1",
  status: "active",
  attention: null,
  openAlerts: 0,
  alliance: null,
  outcome: null,
  ...over,
});

describe("CaseloadTable", () => {
  it("names the reason, the scores, their trend and the alliance label", () => {
    render(
      <CaseloadTable
        caption="Ordered"
        therapistNames={null}
        rows={[
          item({
            attention: {
              alertId: "a1",
              kind: "risk",
              reason: "Risk answer",
              severity: "critical",
              explanation: "PHQ-9 item 9 answered 2",
              since: "2026-01-02T00:00:00Z",
            },
            openAlerts: 3,
            alliance: {
              instrumentId: "rapport-alliance",
              total: 31,
              band: null,
              at: "2026-01-02T00:00:00Z",
              trend: [34, 33, 31],
              validated: false,
            },
            outcome: {
              instrumentId: "phq-9",
              total: 14,
              band: "moderate",
              at: "2026-01-02T00:00:00Z",
              trend: [18, 16, 14],
              validated: true,
            },
          }),
          item({ clientId: "c2", name: "Ada Quiet" }),
        ]}
      />,
    );
    const [first, second] = screen.getAllByRole("row").slice(1);
    if (!first || !second) throw new Error("rows missing");
    expect(within(first).getByText("Risk answer")).toBeTruthy();
    expect(within(first).getByText("(+2 more)")).toBeTruthy();
    expect(
      within(first).getByText("(not a validated instrument)"),
    ).toBeTruthy();
    expect(
      within(first).getByRole("img", {
        name: "phq-9 trend, oldest first: 18, 16, 14",
      }),
    ).toBeTruthy();
    expect(within(second).getByText("None open")).toBeTruthy();
    expect(within(second).getAllByText("None yet")).toHaveLength(2);
  });

  it("shows the latest episode's NHS Talking Therapies outcome beside the outcome score", () => {
    render(
      <CaseloadTable
        caption="Ordered"
        therapistNames={null}
        rows={[
          item({
            episodeOutcome: {
              course: "finished",
              attendedSessions: 8,
              label: "reliable recovery",
              explanation: ["Finished a course of treatment"],
            },
          }),
          item({
            clientId: "c2",
            episodeOutcome: {
              course: "ongoing",
              attendedSessions: 3,
              label: "no reliable change, still at caseness",
              explanation: [],
            },
          }),
        ]}
      />,
    );
    expect(
      screen.getByText(
        "NHS Talking Therapies: reliable recovery (finished course)",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "NHS Talking Therapies: no reliable change, still at caseness (so far)",
      ),
    ).toBeTruthy();
  });

  it("keeps an acknowledged alert with who and when, and says how long an open one has waited", () => {
    const attention = {
      alertId: "a1",
      kind: "risk",
      reason: "Risk answer",
      severity: "critical",
      explanation: "",
      since: "2026-01-02T00:00:00Z",
    };
    render(
      <CaseloadTable
        caption="Ordered"
        therapistNames={null}
        rows={[
          item({
            attention: {
              ...attention,
              status: "acknowledged",
              waitingMinutes: null,
              acknowledged: {
                by: "m1",
                byName: "Dr Lee",
                at: "2026-01-02T11:00:00Z",
              },
            },
            openAlerts: 1,
          }),
          item({
            clientId: "c2",
            name: "Ada Waiting",
            attention: {
              ...attention,
              status: "open",
              waitingMinutes: 150,
              acknowledged: null,
            },
            openAlerts: 1,
          }),
        ]}
      />,
    );
    const [first, second] = screen.getAllByRole("row").slice(1);
    if (!first || !second) throw new Error("rows missing");
    expect(within(first).getByText("Risk answer")).toBeTruthy();
    expect(within(first).queryByText("None open")).toBeNull();
    expect(
      within(first).getByText(/^Acknowledged by Dr Lee on .+, not resolved$/),
    ).toBeTruthy();
    expect(
      within(second).getByText("Waiting 2 h 30 min, not acknowledged"),
    ).toBeTruthy();
  });
});
