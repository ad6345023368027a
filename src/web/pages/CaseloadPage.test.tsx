import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseloadItem } from "../api/caseload";
import type { Me } from "../api/types";
import { SessionContext } from "../components/session";
import { fakeApi } from "../testing/fakeApi";
import { CaseloadPage } from "./CaseloadPage";

const me: Me = {
  id: "t1",
  organisationId: "o1",
  email: "t@example.org",
  name: "Theo",
  role: "therapist",
  totpEnabled: false,
  totpRequired: false,
};
const item = (clientId: string, name: string): CaseloadItem => ({
  clientId,
  name,
  therapistId: "t1",
  status: "active",
  attention: null,
  openAlerts: 0,
  alliance: null,
  outcome: null,
});

afterEach(() => vi.unstubAllGlobals());

describe("CaseloadPage", () => {
  it("filters by part of a name over the whole caseload, without the name in any URL", async () => {
    const calls = fakeApi({
      "GET /api/caseload": {
        items: [item("c1", "Priya Nair")],
        next: "1",
      },
      "GET /api/caseload?limit=200": {
        items: [item("c1", "Priya Nair"), item("c2", "Sam Ortiz")],
        next: "200",
      },
      "GET /api/caseload?limit=200&cursor=200": {
        items: [item("c3", "Samir Khan")],
        next: null,
      },
    });
    render(
      <SessionContext.Provider value={{ me, signOut: () => undefined }}>
        <CaseloadPage />
      </SessionContext.Provider>,
    );
    await screen.findByRole("link", { name: /Priya Nair/ });
    fireEvent.change(screen.getByLabelText("Client name contains"), {
      target: { value: "sam" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await screen.findByRole("link", { name: /Samir Khan/ });
    expect(screen.getByRole("link", { name: /Sam Ortiz/ })).toBeTruthy();
    expect(screen.queryByRole("link", { name: /Priya Nair/ })).toBeNull();
    expect(
      screen.queryByRole("button", { name: "Show more clients" }),
    ).toBeNull();
    for (const call of calls)
      expect(call.url.toLowerCase()).not.toContain("sam");
  });
});
