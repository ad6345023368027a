import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/http";
import type { InstrumentSummary } from "../../api/instruments";
import { fakeApi } from "../../testing/fakeApi";
import { InstrumentsPage } from "./InstrumentsPage";

const pack = (
  id: string,
  version: string,
  extra: Partial<InstrumentSummary> = {},
): InstrumentSummary => ({
  id,
  version,
  versions: [version],
  title: id.toUpperCase(),
  kind: "outcome",
  validated: true,
  notice: null,
  attribution: "Kroenke, Spitzer & Williams (2001)",
  copyright: "Pfizer Inc.",
  licence: "No permission required",
  verbatimOnly: true,
  bundled: true,
  installedAt: null,
  ...extra,
});

const chooseFile = (text: string, name = "pack.json") =>
  fireEvent.change(screen.getByLabelText("Pack file (JSON)"), {
    target: { files: [new File([text], name, { type: "application/json" })] },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("InstrumentsPage", () => {
  it("lists packs with versions, kind, licence and attribution", async () => {
    fakeApi({
      "GET /api/instruments": {
        items: [
          pack("phq-9", "1.0.0"),
          pack("my-scale", "2.0.0", {
            versions: ["1.0.0", "2.0.0"],
            kind: "alliance",
            validated: false,
            bundled: false,
            installedAt: "2026-02-01T00:00:00Z",
          }),
        ],
      },
    });
    render(<InstrumentsPage />);
    const row = (
      await screen.findByRole("rowheader", { name: /MY-SCALE/ })
    ).closest("tr") as HTMLElement;
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      "my-scale",
      "2.0.0 (all: 1.0.0, 2.0.0)",
      "alliance",
      "No permission required · Pfizer Inc.Kroenke, Spitzer & Williams (2001)",
      expect.stringMatching(/^Installed /),
    ]);
    expect(row.textContent).toContain("not validated");
  });

  it("installs a pack from a JSON file and lists it", async () => {
    const installed: InstrumentSummary[] = [];
    const calls = fakeApi({
      "GET /api/instruments": () => [200, { items: installed }],
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/instruments": () => {
        installed.push(pack("my-scale", "1.0.0", { bundled: false }));
        return [201, installed[0]];
      },
    });
    render(<InstrumentsPage />);
    chooseFile('{"id":"my-scale","version":"1.0.0"}');
    fireEvent.click(screen.getByRole("button", { name: "Install pack" }));
    await screen.findByText("Installed MY-SCALE (my-scale 1.0.0).");
    await screen.findByRole("rowheader", { name: /MY-SCALE/ });
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      id: "my-scale",
      version: "1.0.0",
    });
  });

  it("shows every problem of a refused pack", async () => {
    fakeApi({
      "GET /api/instruments": { items: [] },
      "GET /api/auth/csrf": { csrfToken: "t" },
      "POST /api/instruments": () => [
        422,
        {
          error: {
            code: "validation",
            message: "the instrument pack has 2 problem(s)",
            details: {
              problems: [
                "questionnaire.item[0].linkId is missing",
                "scoring.range.max must be at least range.min",
              ],
            },
          },
        },
      ],
    });
    render(<InstrumentsPage />);
    chooseFile("{}");
    fireEvent.click(screen.getByRole("button", { name: "Install pack" }));
    const problems = await screen.findByRole("list", {
      name: "Problems in the pack",
    });
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "questionnaire.item[0].linkId is missing",
      "scoring.range.max must be at least range.min",
    ]);
    screen.getByText("the instrument pack has 2 problem(s)");
  });

  it("refuses a file that is not JSON without calling the server", async () => {
    const calls = fakeApi({ "GET /api/instruments": { items: [] } });
    render(<InstrumentsPage />);
    chooseFile("not json", "broken.json");
    fireEvent.click(screen.getByRole("button", { name: "Install pack" }));
    await screen.findByText(/^broken\.json is not valid JSON/);
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });
});
