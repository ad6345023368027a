import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CheckinScheduleNote } from "./CheckinScheduleNote";

const organisation = (
  checkinSchedule: { instrumentId: string; everyNthSession: number }[],
  checkinScheduleWarning: string | null,
) => ({
  id: "o1",
  name: "Demo Clinic",
  settings: { checkinSchedule },
  createdAt: "2026-01-01T00:00:00Z",
  checkinScheduleWarning,
});

describe("CheckinScheduleNote", () => {
  it("shows the schedule and warns when it asks no instrument with a risk item", () => {
    render(
      <CheckinScheduleNote
        organisation={organisation(
          [{ instrumentId: "phq-2", everyNthSession: 2 }],
          "No instrument in the check-in schedule (PHQ-2) asks a risk item, so scheduled check-ins never raise a risk alert.",
        )}
      />,
    );
    expect(screen.getByText("phq-2: every 2nd attended session")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toMatch(
      /never raise a risk alert/,
    );
  });

  it("shows no warning for a schedule with a risk item", () => {
    render(
      <CheckinScheduleNote
        organisation={organisation(
          [{ instrumentId: "phq-9", everyNthSession: 1 }],
          null,
        )}
      />,
    );
    expect(screen.getByText("phq-9: every attended session")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
