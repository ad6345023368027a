import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AuditEntry, Member } from "../../api/types";
import { fakeApi } from "../../testing/fakeApi";
import { AuditPage } from "./AuditPage";

const admin: Member = {
  id: "a1",
  email: "admin@example.org",
  name: "Alex Admin",
  role: "admin",
  active: true,
  createdAt: "2026-01-01T00:00:00Z",
};
const supervisor: Member = {
  ...admin,
  id: "s1",
  name: "Sue",
  role: "supervisor",
};
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  at: "2026-11-25T09:00:00.000Z",
  actorId: "a1",
  subjectId: "s1",
  clientId: null,
  action: "member.create",
  source: "10.0.0.1",
  hash: "h",
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe("AuditPage", () => {
  it("names who acted and which member it was about", async () => {
    fakeApi({
      "GET /api/members?limit=200": { items: [admin, supervisor], next: null },
      "GET /api/audit?limit=100": { items: [entry({})], next: null },
    });
    render(<AuditPage />);
    const row = (await screen.findByRole("rowheader", { name: "1" })).closest(
      "tr",
    ) as HTMLElement;
    await within(row).findByText("Alex Admin");
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      expect.any(String),
      "member.create",
      "Alex Admin",
      "Sue",
      "—",
      "10.0.0.1",
    ]);
  });

  it("filters by action, member and UTC days, and exports the same entries", async () => {
    const calls = fakeApi({
      "GET /api/members?limit=200": { items: [admin, supervisor], next: null },
      "GET /api/audit?limit=100": { items: [], next: null },
      "GET /api/audit?action=auth.login&actorId=s1&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-30T23%3A59%3A59.999Z&limit=100":
        {
          items: [entry({ seq: 7, action: "auth.login", actorId: "s1" })],
          next: null,
        },
    });
    render(<AuditPage />);
    await screen.findByRole("option", { name: "Sue" });
    fireEvent.change(screen.getByLabelText("Action"), {
      target: { value: "auth.login" },
    });
    fireEvent.change(screen.getByLabelText("By member"), {
      target: { value: "s1" },
    });
    fireEvent.change(screen.getByLabelText("From (UTC)"), {
      target: { value: "2026-11-01" },
    });
    fireEvent.change(screen.getByLabelText("To (UTC)"), {
      target: { value: "2026-11-30" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Filter" }));
    expect(await screen.findByRole("rowheader", { name: "7" })).toBeTruthy();
    expect(calls.at(-1)?.url).toContain("action=auth.login");
    expect(
      screen
        .getByRole("link", { name: "Download these entries as CSV" })
        .getAttribute("href"),
    ).toBe(
      "/api/audit/export?action=auth.login&actorId=s1&from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-30T23%3A59%3A59.999Z",
    );
  });
});
