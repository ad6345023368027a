import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/http";
import { fakeApi } from "../testing/fakeApi";
import { AlertsSection } from "./AlertsSection";

const ALERTS = "GET /api/clients/c1/alerts?status=unresolved&limit=200";

const alert = (over: Record<string, unknown> = {}) => ({
  id: "a1",
  clientId: "c1",
  kind: "risk",
  severity: "critical",
  explanation: "PHQ-9 item 9 answered 2",
  status: "open",
  note: null,
  createdAt: "2026-01-02T10:00:00Z",
  acknowledgement: null,
  escalatedAt: null,
  ...over,
});
const acknowledged = alert({
  status: "acknowledged",
  note: "Phoned",
  acknowledgement: {
    action: "safety-plan-reviewed",
    actionLabel: "Safety plan reviewed",
    note: "Phoned",
    by: "m1",
    byName: "Dr Lee",
    at: "2026-01-02T11:00:00Z",
  },
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("AlertsSection", () => {
  it("acknowledges with an action from the kind's list and a note, then resolves", async () => {
    let current = [alert()];
    const calls = fakeApi({
      [ALERTS]: () => [200, { items: current }],
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/alerts/a1/acknowledge": () => {
        current = [acknowledged];
        return [200, acknowledged];
      },
      "POST /api/alerts/a1/resolve": () => {
        current = [];
        return [200, { ...acknowledged, status: "resolved" }];
      },
    });
    render(<AlertsSection clientId="c1" canEdit />);
    const what = await screen.findByLabelText(
      'What was done about "Risk answer"',
    );
    expect([...(what as HTMLSelectElement).options].map((o) => o.text)).toEqual(
      ["Contacted the client", "Safety plan reviewed", "Escalated", "Other"],
    );
    fireEvent.change(what, { target: { value: "safety-plan-reviewed" } });
    fireEvent.change(screen.getByLabelText('Note on "Risk answer"'), {
      target: { value: " Phoned " },
    });
    fireEvent.click(
      screen.getByRole("button", { name: /^Acknowledge ?Risk answer$/ }),
    );
    await screen.findByText(
      /Acknowledged by Dr Lee on .*: Safety plan reviewed\./,
    );
    expect(screen.getByText("Note: Phoned")).toBeTruthy();
    expect(
      calls.find((c) => c.url === "/api/alerts/a1/acknowledge")?.body,
    ).toEqual({ action: "safety-plan-reviewed", note: "Phoned" });
    fireEvent.click(
      screen.getByRole("button", { name: /^Resolve ?Risk answer$/ }),
    );
    await screen.findByText("No unresolved alerts.");
    expect(screen.getByRole("status").textContent).toBe(
      "Resolved: Risk answer.",
    );
    expect(calls.find((c) => c.url === "/api/alerts/a1/resolve")?.body).toEqual(
      {},
    );
  });

  it('asks for a note when the action is "Other", and offers a rupture its own list', async () => {
    fakeApi({
      [ALERTS]: { items: [alert({ kind: "rupture", severity: "high" })] },
    });
    render(<AlertsSection clientId="c1" canEdit />);
    const what = await screen.findByLabelText(
      'What was done about "Rupture, not repaired"',
    );
    expect(
      [...(what as HTMLSelectElement).options].map((o) => o.value),
    ).toEqual(["discussed-with-client", "repair-attempted", "other"]);
    const note = screen.getByLabelText('Note on "Rupture, not repaired"');
    expect((note as HTMLInputElement).required).toBe(false);
    fireEvent.change(what, { target: { value: "other" } });
    expect((note as HTMLInputElement).required).toBe(true);
  });

  it("lets a reader act only on an alert escalated to them", async () => {
    fakeApi({
      [ALERTS]: {
        items: [
          alert(),
          alert({
            id: "a2",
            kind: "disengagement",
            severity: "medium",
            escalatedAt: "2026-01-02T14:00:00Z",
          }),
        ],
      },
    });
    render(<AlertsSection clientId="c1" canEdit={false} canActOnEscalated />);
    await screen.findAllByText("Missed check-ins");
    expect(
      screen.queryByRole("button", { name: /^Acknowledge ?Risk answer$/ }),
    ).toBeNull();
    await waitFor(() =>
      expect(
        screen.getByRole("button", { name: /^Acknowledge ?Missed check-ins$/ }),
      ).toBeTruthy(),
    );
  });
});
