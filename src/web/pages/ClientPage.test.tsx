import {
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
});
