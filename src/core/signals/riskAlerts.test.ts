import { describe, expect, it } from "vitest";
import { bundledPack } from "../instruments/bundled.js";
import type { Pack } from "../instruments/packSchema.js";
import { score } from "../instruments/score.js";
import {
  droppedRiskItems,
  planRiskAlerts,
  riskExplanation,
  triggeredRiskAnswers,
  type NewRiskAnswer,
} from "./riskAlerts.js";

const phq9 = bundledPack("phq-9")!;
const answer = (over: Partial<NewRiskAnswer> = {}): NewRiskAnswer => ({
  instrumentId: "phq-9",
  label: "PHQ-9",
  linkId: "q9",
  answer: 2,
  answeredAt: "2026-11-28T09:00:00.000Z",
  responseId: "r1",
  total: 14,
  from: "response",
  ...over,
});

describe("triggeredRiskAnswers (the one risk rule)", () => {
  it("takes PHQ-9 item 9's trigger values from the pack: any non-zero answer", () => {
    for (const value of [1, 2, 3])
      expect(
        triggeredRiskAnswers(phq9, new Map([["q9", value]])),
      ).toMatchObject([{ linkId: "q9", value }]);
    expect(triggeredRiskAnswers(phq9, new Map([["q9", 0]]))).toEqual([]);
  });

  it("is what scoring reports, also for a response too incomplete to score", () => {
    const result = score(phq9, { q1: 1, q9: 2 });
    expect(result.valid).toBe(false);
    expect(result.riskItems).toEqual(
      triggeredRiskAnswers(phq9, new Map([["q9", 2]])),
    );
  });
});

describe("droppedRiskItems", () => {
  it("names a risk item the previous version declared and the new one does not", () => {
    const without: Pack = {
      ...phq9,
      version: "9.0.0",
      scoring: { ...phq9.scoring, risk: [] },
    };
    expect(droppedRiskItems(phq9, without)).toEqual(["q9"]);
    expect(droppedRiskItems(phq9, phq9)).toEqual([]);
  });
});

describe("planRiskAlerts", () => {
  it("creates one alert per instrument and item; later answers of the same item join it", () => {
    const steps = planRiskAlerts(
      [
        answer({ responseId: "r2", answeredAt: "2026-11-30T09:00:00.000Z" }),
        answer({ responseId: "r1" }),
      ],
      [],
    );
    expect(steps).toMatchObject([
      { action: "create", causeKey: "risk:phq-9:q9" },
      { action: "join-new", causeKey: "risk:phq-9:q9" },
    ]);
    expect(steps[0]!.answer.responseId).toBe("r1");
  });

  it("joins the client's open alert for that item, also one raised under the older per-session cause", () => {
    expect(
      planRiskAlerts([answer()], [{ id: "a1", causeKey: "risk:phq-9:q9" }]),
    ).toMatchObject([{ action: "join", alertId: "a1" }]);
    expect(
      planRiskAlerts([answer()], [{ id: "a0", causeKey: "risk:phq-9:q9:s3" }]),
    ).toMatchObject([{ action: "join", alertId: "a0" }]);
    expect(
      planRiskAlerts(
        [answer()],
        [{ id: "a2", causeKey: "risk:core-10:core-10-item-6" }],
      ),
    ).toMatchObject([{ action: "create" }]);
  });

  it("explains when the answer was given, and how many answers the alert holds", () => {
    expect(riskExplanation(answer(), 1)).toMatch(
      /^PHQ-9 risk item q9 was answered 2 on 2026-11-28 \(total 14\)/,
    );
    expect(riskExplanation(answer({ total: null }), 3)).toContain(
      "(not scored)",
    );
    expect(
      riskExplanation(answer({ total: null, from: "unscorable" }), 1),
    ).toContain("answered 2 on 2026-11-28 in a response refused as unscorable");
    expect(riskExplanation(answer(), 3)).toContain(
      "holds 3 triggering answers",
    );
  });
});
