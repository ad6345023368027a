import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../testing/fakeApi";
import { renderWithSessions } from "../testing/renderWithSessions";
import { OutcomesSection } from "./OutcomesSection";

// uPlot needs a real canvas; the charts' table alternatives are what is checked here.
vi.mock("../charts/OutcomeChart", () => ({
  OutcomeChart: ({ title }: { title: string }) => (
    <div role="img" aria-label={`${title} chart`} />
  ),
}));
vi.mock("../charts/TrajectoryChart", () => ({
  TrajectoryChart: ({ title }: { title: string }) => (
    <div role="img" aria-label={`${title} trajectory chart`} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

const NO_SESSIONS = {
  "GET /api/clients/c1/sessions?limit=200": { items: [], next: null },
  "GET /api/clients/c1/checkins": { items: [] },
};

const response = (
  id: string,
  instrumentId: string,
  total: number,
  day: number,
  extra: object = {},
) => ({
  id,
  instrumentId,
  total,
  band: null,
  submittedAt: `2026-01-0${day}T10:00:00Z`,
  answers: {},
  subscales: {},
  ...extra,
});

const instrument = (id: string, kind: string, validated: boolean) => ({
  id,
  kind,
  validated,
  title: id,
});

describe("OutcomesSection", () => {
  it("draws outcomes against the labelled band, alliance with ruptures and components, and item answers", async () => {
    fakeApi({
      ...NO_SESSIONS,
      "GET /api/clients/c1/responses": {
        items: [
          response("1", "phq-9", 18, 1, { answers: { q1: 2, q9: 1 } }),
          response("2", "rapport-alliance", 8, 1, {
            subscales: { goals: 8, tasks: 8, bond: 8 },
          }),
          response("3", "rapport-alliance", 5, 8, {
            subscales: { goals: 7, tasks: 6, bond: 2 },
          }),
          response("4", "phq-9", 12, 8, { answers: { q1: 1, q9: 0 } }),
        ],
      },
      "GET /api/clients/c1/signals": {
        items: [
          {
            kind: "rupture",
            severity: "high",
            causeKey: "rupture:rapport-alliance:s2",
            instrumentId: "rapport-alliance",
            sessionIndex: 2,
            at: "2026-01-08T10:00:00Z",
            rule: "rupture.strict",
            explanation: "",
            evidence: { repair: "unrepaired", component: "bond" },
          },
        ],
        trajectoryModels: {
          "phq-9": "reference model, not fitted to your clinic",
        },
      },
      "GET /api/instruments": {
        items: [
          instrument("phq-9", "outcome", true),
          instrument("rapport-alliance", "alliance", false),
        ],
      },
      "GET /api/clients/c1/trajectory?instrumentId=phq-9": {
        instrumentId: "phq-9",
        label: "reference model, not fitted to your clinic",
        model: "reference",
        levels: { yellow: 0.9, red: 0.95 },
        intake: 18,
        scores: [
          { session: 1, total: 18, at: "2026-01-01T10:00:00Z" },
          { session: 2, total: 12, at: "2026-01-08T10:00:00Z" },
        ],
        points: [1, 2, 3, 4].map((session) => ({
          session,
          expected: 18 - session,
          yellow: { lower: 15 - session, upper: 21 - session },
          red: { lower: 14 - session, upper: 22 - session },
        })),
        range: { min: 0, max: 27 },
        clamped: true,
      },
    });
    renderWithSessions("c1", (sessions) => (
      <OutcomesSection clientId="c1" sessions={sessions} />
    ));
    expect(
      await screen.findByText("reference model, not fitted to your clinic"),
    ).toBeTruthy();
    const trajectory = await screen.findByRole("table", {
      name: /phq-9 by session of care against the expected trajectory/,
    });
    expect([...trajectory.querySelectorAll("tbody tr")][1]?.textContent).toBe(
      "21216.0" + "13.0 to 19.0" + "12.0 to 20.0",
    );
    expect(
      screen.getByText(
        /The band is kept within the instrument's range \(0–27\)/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Not a validated instrument/)).toBeTruthy();
    expect(
      screen.getAllByText("Rupture at session 2 (bond), not repaired"),
    ).toHaveLength(2);
    const items = screen.getByRole("table", {
      name: /phq-9: each item's answer/,
    });
    expect(
      [...items.querySelectorAll("tbody th")].map((th) => th.textContent),
    ).toEqual(["q1", "q9"]);
  });

  it("lists the answers a pack flags for further assessment (a WHO-5 item at 0 or 1)", async () => {
    fakeApi({
      ...NO_SESSIONS,
      "GET /api/clients/c1/responses": {
        items: [
          response("1", "who-5", 17, 1, {
            flags: [
              {
                linkId: "q5",
                value: 1,
                text: "(item 5)",
                message: "an item answered 0 or 1 calls for further assessment",
                source: "WHO-5 scoring guidance",
              },
            ],
          }),
          response("2", "who-5", 20, 2),
        ],
      },
      "GET /api/clients/c1/signals": { items: [], trajectoryModels: {} },
      "GET /api/instruments": {
        items: [instrument("who-5", "outcome", true)],
      },
    });
    renderWithSessions("c1", (sessions) => (
      <OutcomesSection clientId="c1" sessions={sessions} />
    ));
    const table = await screen.findByRole("table", {
      name: /who-5: every score/,
    });
    expect(
      [...table.querySelectorAll("tbody tr")].map(
        (tr) => tr.lastElementChild?.textContent,
      ),
    ).toEqual([
      "q5 answered 1: an item answered 0 or 1 calls for further assessment",
      "—",
    ]);
  });

  it("says so when the client has no responses", async () => {
    fakeApi({
      ...NO_SESSIONS,
      "GET /api/clients/c1/responses": { items: [] },
      "GET /api/clients/c1/signals": { items: [], trajectoryModels: {} },
      "GET /api/instruments": { items: [] },
    });
    renderWithSessions("c1", (sessions) => (
      <OutcomesSection clientId="c1" sessions={sessions} />
    ));
    expect(
      await screen.findByText("No questionnaire responses yet."),
    ).toBeTruthy();
  });
});
