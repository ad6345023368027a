import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import type { InstrumentSummary } from "../api/instruments";
import { fakeApi } from "../testing/fakeApi";
import { renderWithSessions } from "../testing/renderWithSessions";
import { CheckinSection } from "./CheckinSection";

const pack = (
  id: string,
  kind: InstrumentSummary["kind"],
  title: string,
): InstrumentSummary => ({
  id,
  version: "1.0.0",
  versions: ["1.0.0"],
  title,
  kind,
  validated: kind !== "alliance",
  notice: null,
  attribution: "",
  copyright: "",
  licence: "public domain",
  verbatimOnly: false,
  bundled: true,
  installedAt: null,
});

const routes = (extra: Record<string, unknown> = {}) => ({
  "GET /api/clients/c1/sessions?limit=200": {
    items: [
      {
        id: "s1",
        clientId: "c1",
        episodeId: null,
        therapistId: "t1",
        startsAt: "2026-03-02T10:00:00Z",
        status: "attended",
      },
    ],
    next: null,
  },
  "GET /api/instruments": {
    items: [
      pack("phq-9", "outcome", "PHQ-9"),
      pack("rapport-alliance", "alliance", "Session alliance"),
      pack("treatment-preferences", "preference", "Preferences"),
    ],
  },
  "GET /api/auth/csrf": { csrfToken: "t" },
  ...extra,
});

const LINK = {
  id: "k1",
  url: "https://rapport.example/c/abc",
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  expiresAt: "2026-03-05T10:00:00Z",
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("CheckinSection", () => {
  it("offers only alliance and outcome packs and creates a check-in for the chosen session", async () => {
    const calls = fakeApi(routes({ "POST /api/checkins": () => [201, LINK] }));
    renderWithSessions("c1", (sessions) => (
      <CheckinSection
        clientId="c1"
        sessions={sessions}
        onCompleted={() => {}}
      />
    ));
    await screen.findByLabelText(/PHQ-9/);
    expect(screen.queryByLabelText(/Preferences/)).toBeNull();
    expect(
      screen.getByLabelText("Session alliance · alliance · not validated"),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Session"), {
      target: { value: "s1" },
    });
    fireEvent.click(screen.getByLabelText(/PHQ-9/));
    fireEvent.click(screen.getByLabelText(/Session alliance/));
    fireEvent.click(
      screen.getByRole("button", { name: "Create check-in link" }),
    );
    const field =
      await screen.findByLabelText<HTMLInputElement>("Check-in link");
    expect(field.value).toBe(LINK.url);
    expect(field.readOnly).toBe(true);
    const qr = screen.getByRole("img", { name: /QR code/ });
    expect(qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      clientId: "c1",
      sessionId: "s1",
      instruments: ["phq-9", "rapport-alliance"],
    });
  });

  it("refuses to create a check-in without a questionnaire", async () => {
    const calls = fakeApi(routes());
    renderWithSessions("c1", (sessions) => (
      <CheckinSection
        clientId="c1"
        sessions={sessions}
        onCompleted={() => {}}
      />
    ));
    await screen.findByLabelText(/PHQ-9/);
    fireEvent.click(
      screen.getByRole("button", { name: "Create check-in link" }),
    );
    await screen.findByText("Choose at least one questionnaire.");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("copies the link and emails a new one", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    const calls = fakeApi(
      routes({
        "POST /api/checkins": () => [201, LINK],
        "POST /api/checkins/k1/send": () => [202, { queued: true }],
      }),
    );
    renderWithSessions("c1", (sessions) => (
      <CheckinSection
        clientId="c1"
        sessions={sessions}
        onCompleted={() => {}}
      />
    ));
    fireEvent.click(await screen.findByLabelText(/PHQ-9/));
    fireEvent.click(
      screen.getByRole("button", { name: "Create check-in link" }),
    );
    fireEvent.click(await screen.findByRole("button", { name: "Copy link" }));
    await screen.findByText("Link copied.");
    expect(writeText).toHaveBeenCalledWith(LINK.url);
    fireEvent.change(screen.getByLabelText("Client's email"), {
      target: { value: "sam@example.org" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Email a link" }));
    await screen.findByText(/A new link is on its way to sam@example.org/);
    await waitFor(() =>
      expect(
        calls.find((c) => c.url === "/api/checkins/k1/send")?.body,
      ).toEqual({ email: "sam@example.org" }),
    );
  });

  it("watches the new check-in until the client completes it, then says so and reports it once", async () => {
    let looks = 0;
    fakeApi(
      routes({
        "POST /api/checkins": () => [201, LINK],
        // Open at the first two looks, completed from the third on.
        "GET /api/checkins/k1": () => {
          looks += 1;
          return [
            200,
            {
              id: "k1",
              status: looks > 2 ? "completed" : "open",
              completedAt: null,
              expiresAt: LINK.expiresAt,
            },
          ];
        },
      }),
    );
    const onCompleted = vi.fn();
    renderWithSessions("c1", (sessions) => (
      <CheckinSection
        clientId="c1"
        sessions={sessions}
        onCompleted={onCompleted}
        poll={{ firstMs: 5, maxMs: 10 }}
      />
    ));
    fireEvent.click(await screen.findByLabelText(/PHQ-9/));
    expect(looks).toBe(0);
    fireEvent.click(
      screen.getByRole("button", { name: "Create check-in link" }),
    );
    await screen.findByText(/The client has completed this check-in/);
    // A look may already have been under way when React rendered the completion (on a loaded
    // machine the 5 ms wait can run out first), but none starts after it.
    const looksWhenCompleted = looks;
    expect(looksWhenCompleted).toBeGreaterThanOrEqual(3);
    // The page is told from an effect, which React may run just after the text is painted.
    await waitFor(() => expect(onCompleted).toHaveBeenCalledTimes(1));
    // Completed: no more looks, and the page is told only once.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(looks).toBe(looksWhenCompleted);
    expect(onCompleted).toHaveBeenCalledTimes(1);
  });
});
