import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fakeApi";
import { renderWithSessions } from "../testing/renderWithSessions";
import { SessionTimeline } from "./SessionTimeline";

afterEach(() => vi.unstubAllGlobals());

const session = (id: string, startsAt: string, status: string) => ({
  id,
  clientId: "c1",
  episodeId: null,
  therapistId: "m1",
  startsAt,
  status,
});

describe("SessionTimeline", () => {
  it("shows each session's status and the client's feedback from its check-in", async () => {
    fakeApi({
      "GET /api/clients/c1/sessions?limit=200": {
        items: [
          session("s1", "2026-01-05T10:00:00Z", "attended"),
          session("s2", "2026-01-12T10:00:00Z", "no-show"),
          session("s3", "2026-01-19T10:00:00Z", "cancelled"),
        ],
        next: null,
      },
      "GET /api/clients/c1/checkins": {
        items: [
          {
            id: "k1",
            clientId: "c1",
            sessionId: "s1",
            instruments: ["phq-9", "rapport-alliance"],
            status: "completed",
            createdAt: "2026-01-05T10:50:00Z",
            expiresAt: "2026-01-08T10:50:00Z",
            completedAt: "2026-01-05T11:00:00Z",
            emailed: false,
            remindersSent: 0,
            responseIds: ["r1", "r2"],
            risk: true,
            feedback: "A quieter room",
          },
        ],
      },
    });
    renderWithSessions("c1", (sessions) => (
      <SessionTimeline clientId="c1" sessions={sessions} />
    ));
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent),
    ).toEqual(["Cancelled", "No-show", "Attended"]);
    const attended = rows[2];
    expect(attended?.textContent).toContain("Check-in completed");
    expect(attended?.textContent).toContain("risk answer");
    expect(
      within(attended as HTMLElement).getByText("A quieter room").tagName,
    ).toBe("P");
    expect(rows[0]?.textContent).toContain("—");
  });

  it("says when there is nothing yet", async () => {
    fakeApi({
      "GET /api/clients/c1/sessions?limit=200": { items: [], next: null },
      "GET /api/clients/c1/checkins": { items: [] },
    });
    renderWithSessions("c1", (sessions) => (
      <SessionTimeline clientId="c1" sessions={sessions} />
    ));
    await screen.findByText("No sessions or check-ins yet.");
  });
});
