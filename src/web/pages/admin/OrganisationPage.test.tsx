import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/http";
import { fakeApi } from "../../testing/fakeApi";
import { OrganisationPage } from "./OrganisationPage";

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const organisation = (settings: object) => ({
  id: "o1",
  name: "Demo Clinic",
  settings,
  createdAt: "2026-01-01T00:00:00Z",
});

describe("OrganisationPage", () => {
  it("labels the signal defaults as design choices and saves the organisation's own", async () => {
    const calls = fakeApi({
      "GET /api/organisation": organisation({}),
      "GET /api/auth/csrf": { csrfToken: "t" },
      "PATCH /api/organisation": (body: unknown) => [
        200,
        organisation((body as { settings: object }).settings),
      ],
    });
    render(<OrganisationPage />);
    const k = await screen.findByLabelText(
      "No reliable improvement alert: by session",
    );
    expect((k as HTMLInputElement).value).toBe("6");
    expect(
      screen.getByText(/Design choice: session 6 by default/),
    ).toBeTruthy();
    const mode = screen.getByLabelText("Alliance rupture rule");
    expect((mode as HTMLSelectElement).value).toBe("strict");
    fireEvent.change(k, { target: { value: "8" } });
    fireEvent.change(mode, { target: { value: "sensitive" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === "PATCH")?.body).toMatchObject({
        settings: { noImprovementBySession: 8, ruptureMode: "sensitive" },
      }),
    );
  });

  it("warns where the schedule is shown when it asks no instrument with a risk item", async () => {
    fakeApi({
      "GET /api/organisation": {
        ...organisation({
          checkinSchedule: [{ instrumentId: "who-5", everyNthSession: 1 }],
        }),
        checkinScheduleWarning:
          "No instrument in the check-in schedule (WHO-5) asks a risk item, so scheduled check-ins never raise a risk alert.",
      },
    });
    render(<OrganisationPage />);
    expect(
      await screen.findByText("who-5: every attended session"),
    ).toBeTruthy();
    expect(
      screen
        .getAllByRole("alert")
        .some((a) => a.textContent?.includes("never raise a risk alert")),
    ).toBe(true);
  });
});
