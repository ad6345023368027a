import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fakeApi";
import { WarningsBanner } from "./WarningsBanner";

afterEach(() => vi.unstubAllGlobals());

describe("WarningsBanner", () => {
  it("shows each warning the server gives", async () => {
    fakeApi({
      "GET /api/warnings": {
        items: [
          {
            code: "email-off",
            message:
              "Email is not configured: you will get no email about urgent alerts.",
          },
        ],
      },
    });
    render(<WarningsBanner />);
    const region = await screen.findByRole("region", { name: "Warnings" });
    expect(
      within(region).getByText(/you will get no email about urgent alerts/),
    ).toBeTruthy();
  });

  it("shows nothing without warnings, or on a server without the route", async () => {
    const calls = fakeApi({});
    const { container } = render(<WarningsBanner />);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe("");
  });
});
