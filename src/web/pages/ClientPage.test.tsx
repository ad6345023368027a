import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import type { Client, Me, TherapySession } from "../api/types";
import { SessionContext } from "../components/session";
import { fakeApi } from "../testing/fakeApi";
import { ClientPage } from "./ClientPage";

const me: Me = {
  id: "m1",
  organisationId: "o1",
  email: "theo@example.org",
  name: "Theo",
  role: "therapist",
  totpEnabled: false,
  totpRequired: false,
};

const client: Client = {
  id: "c1",
  name: "Maya Okafor",
  therapistId: "m1",
  status: "active",
  ageBand: null,
  gender: null,
  sharedWith: [],
  createdAt: "2026-01-01T09:00:00Z",
  updatedAt: "2026-01-01T09:00:00Z",
};

const session = (id: string, startsAt: string): TherapySession => ({
  id,
  clientId: "c1",
  episodeId: null,
  therapistId: "m1",
  startsAt,
  status: "scheduled",
});

const SESSIONS_URL = "/api/clients/c1/sessions?limit=200";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** How many choices of session a select offers, less its empty first option. */
const sessionChoices = (label: string) =>
  within(screen.getByLabelText(label, { selector: "select" })).getAllByRole(
    "option",
  ).length - 1;

describe("ClientPage", () => {
  it("loads the client's sessions once for every section and refreshes them all after one is added", async () => {
    const sessions = [session("s1", "2026-03-02T10:00:00Z")];
    const calls = fakeApi({
      "GET /api/clients/c1": client,
      "GET /api/auth/csrf": { csrfToken: "t" },
      [`GET ${SESSIONS_URL}`]: () => [200, { items: sessions, next: null }],
      "POST /api/clients/c1/sessions": (body: unknown) => {
        const added = session("s2", (body as { startsAt: string }).startsAt);
        sessions.push(added);
        return [201, added];
      },
      "GET /api/instruments": { items: [] },
      "GET /api/clients/c1/transcripts": { items: [] },
      "GET /api/clients/c1/checkins": { items: [] },
    });
    render(
      <SessionContext.Provider value={{ me, signOut: () => undefined }}>
        <ClientPage clientId="c1" />
      </SessionContext.Provider>,
    );
    await screen.findByRole("heading", { level: 1, name: "Maya Okafor" });
    const sessionsTable = await screen.findByRole("region", {
      name: "Sessions table",
    });
    await waitFor(() => {
      expect(sessionChoices("Session")).toBe(1);
      expect(sessionChoices("Session of the transcript")).toBe(1);
    });
    expect(calls.filter((c) => c.url === SESSIONS_URL)).toHaveLength(1);

    fireEvent.change(screen.getByLabelText("Date and time"), {
      target: { value: "2026-03-09T10:00" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add session" }));
    await screen.findByText("Session added.");
    await waitFor(() => {
      expect(within(sessionsTable).getAllByRole("row")).toHaveLength(3);
      expect(sessionChoices("Session")).toBe(2);
      expect(sessionChoices("Session of the transcript")).toBe(2);
    });
    // The timeline lists both sessions too.
    expect(
      within(
        screen.getByRole("region", { name: "Sessions and check-ins" }),
      ).getAllByRole("row"),
    ).toHaveLength(3);
    expect(calls.filter((c) => c.url === SESSIONS_URL)).toHaveLength(2);
  });

  it("loads the timeline, alerts and brief again when the client completes a new check-in", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let completed = false;
    const calls = fakeApi({
      "GET /api/clients/c1": client,
      "GET /api/auth/csrf": { csrfToken: "t" },
      [`GET ${SESSIONS_URL}`]: { items: [], next: null },
      "GET /api/instruments": {
        items: [
          { id: "phq-9", title: "PHQ-9", kind: "outcome", validated: true },
        ],
      },
      "GET /api/clients/c1/transcripts": { items: [] },
      "GET /api/clients/c1/checkins": () => [
        200,
        {
          items: [
            {
              id: "k1",
              clientId: "c1",
              sessionId: null,
              instruments: ["phq-9"],
              status: completed ? "completed" : "open",
              createdAt: "2026-03-02T10:00:00Z",
              expiresAt: "2026-03-05T10:00:00Z",
              completedAt: completed ? "2026-03-02T10:05:00Z" : null,
              emailed: false,
              remindersSent: 0,
              responseIds: [],
              risk: false,
              feedback: null,
            },
          ],
        },
      ],
      "GET /api/checkins/k1": () => [
        200,
        {
          id: "k1",
          status: completed ? "completed" : "open",
          completedAt: null,
          expiresAt: "2026-03-05T10:00:00Z",
        },
      ],
      "POST /api/checkins": () => [
        201,
        {
          id: "k1",
          url: "https://r.example/c/x",
          qrSvg: "<svg/>",
          expiresAt: "2026-03-05T10:00:00Z",
        },
      ],
    });
    render(
      <SessionContext.Provider value={{ me, signOut: () => undefined }}>
        <ClientPage clientId="c1" />
      </SessionContext.Provider>,
    );
    const settle = async () => {
      for (let turn = 0; turn < 30; turn++)
        await act(() => vi.advanceTimersByTimeAsync(0));
    };
    const alertReads = () =>
      calls.filter((c) => c.url.startsWith("/api/clients/c1/alerts")).length;
    const signalReads = () =>
      calls.filter((c) => c.url === "/api/clients/c1/signals").length;
    await settle();
    fireEvent.click(screen.getByLabelText(/PHQ-9/));
    fireEvent.click(
      screen.getByRole("button", { name: "Create check-in link" }),
    );
    await settle();
    const before = { alerts: alertReads(), signals: signalReads() };
    expect(before.alerts).toBeGreaterThan(0);
    expect(before.signals).toBeGreaterThan(0);
    // Still open at the first look: nothing reloads.
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    await settle();
    expect({ alerts: alertReads(), signals: signalReads() }).toEqual(before);
    completed = true;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    await settle();
    // Every section that read them (the alerts, the brief, the outcomes) reads them once more.
    expect(alertReads()).toBe(before.alerts * 2);
    expect(signalReads()).toBe(before.signals * 2);
    screen.getByText(/The client has completed this check-in/);
  });
});
