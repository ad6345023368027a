import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fakeApi";
import { OutcomesSection } from "./OutcomesSection";

// uPlot needs a real canvas; the chart's table alternative is what is checked here.
vi.mock("../charts/OutcomeChart", () => ({
  OutcomeChart: ({ title }: { title: string }) => (
    <div role="img" aria-label={`${title} chart`} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

describe("OutcomesSection", () => {
  it("draws one chart per instrument, each with a table of every score", async () => {
    fakeApi({
      "GET /api/clients/c1/responses": {
        items: [
          {
            id: "1",
            instrumentId: "phq-9",
            total: 18,
            band: "moderately severe",
            submittedAt: "2026-01-01T10:00:00Z",
          },
          {
            id: "2",
            instrumentId: "gad-7",
            total: 9,
            band: "mild",
            submittedAt: "2026-01-01T10:00:00Z",
          },
          {
            id: "3",
            instrumentId: "phq-9",
            total: 12,
            band: "moderate",
            submittedAt: "2026-01-08T10:00:00Z",
          },
        ],
      },
    });
    render(<OutcomesSection clientId="c1" />);
    expect(
      await screen.findByRole("img", { name: "phq-9 chart" }),
    ).toBeTruthy();
    expect(screen.getByRole("img", { name: "gad-7 chart" })).toBeTruthy();
    const table = screen.getByRole("table", {
      name: "phq-9: every score, oldest first",
    });
    const cells = [...table.querySelectorAll("tbody td")].map(
      (td) => td.textContent,
    );
    expect(cells).toEqual(["18", "moderately severe", "12", "moderate"]);
  });

  it("says so when the server has no responses API", async () => {
    fakeApi({});
    render(<OutcomesSection clientId="c1" />);
    expect(
      await screen.findByText(
        "This server does not record questionnaire responses yet.",
      ),
    ).toBeTruthy();
  });
});
