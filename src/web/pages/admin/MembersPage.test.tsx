import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/http";
import type { Member } from "../../api/types";
import { fakeApi } from "../../testing/fakeApi";
import { MembersPage } from "./MembersPage";

const member = (over: Partial<Member>): Member => ({
  id: "m1",
  email: "theo@example.org",
  name: "Theo",
  role: "therapist",
  active: true,
  createdAt: "2026-01-01T00:00:00Z",
  ...over,
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("MembersPage", () => {
  it("invites a member without ever asking for their password", async () => {
    const calls = fakeApi({
      "GET /api/members?limit=200": { items: [member({})], next: null },
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/members": (body: unknown) => [
        201,
        member({ id: "m2", ...(body as Partial<Member>) }),
      ],
    });
    render(<MembersPage />);
    await screen.findByRole("rowheader", { name: "Theo" });
    expect(screen.queryByLabelText(/password/i)).toBeNull();
    fireEvent.change(screen.getByLabelText("Name"), {
      target: { value: "Ada" },
    });
    fireEvent.change(screen.getByLabelText("Email"), {
      target: { value: "ada@example.org" },
    });
    fireEvent.change(screen.getByLabelText("Role"), {
      target: { value: "supervisor" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Invite" }));
    expect(
      (await screen.findByText(/Invited Ada as supervisor/)).textContent,
    ).toMatch(/email with a link to choose their password/);
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      email: "ada@example.org",
      name: "Ada",
      role: "supervisor",
    });
    expect(await screen.findByRole("rowheader", { name: "Ada" })).toBeTruthy();
  });

  it("emails an active member a new password link, and offers none to a deactivated one", async () => {
    const calls = fakeApi({
      "GET /api/members?limit=200": {
        items: [
          member({}),
          member({ id: "m9", name: "Gone", email: "g@x.org", active: false }),
        ],
        next: null,
      },
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/members/m1/password-link": () => [202, { ok: true }],
    });
    render(<MembersPage />);
    const theo = (
      await screen.findByRole("rowheader", { name: "Theo" })
    ).closest("tr") as HTMLElement;
    const gone = screen
      .getByRole("rowheader", { name: "Gone" })
      .closest("tr") as HTMLElement;
    expect(
      within(gone).queryByRole("button", { name: /Email password link/ }),
    ).toBeNull();
    fireEvent.click(
      within(theo).getByRole("button", {
        name: /^Email password link\s*to Theo$/,
      }),
    );
    expect(
      await screen.findByText("Emailed Theo a link to set their password."),
    ).toBeTruthy();
    const sent = calls.find((c) => c.url === "/api/members/m1/password-link");
    expect(sent?.method).toBe("POST");
    expect(sent?.headers["x-csrf-token"]).toBe("t");
  });
});
