import { describe, expect, it } from "vitest";
import { checkIn, PARAMS } from "./fixtures.js";
import { riskSignals } from "./risk.js";

const item9 = (answer: number) => [{ linkId: "phq-9-item-9", answer }];

describe("riskSignals", () => {
  it("raises a critical signal for a triggering risk answer, whatever the total, saying when it was given", () => {
    const signals = riskSignals(
      [checkIn("phq-9", 3, 4, { riskItems: item9(1) })],
      PARAMS,
    );
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({
      kind: "risk",
      severity: "critical",
      causeKey: "risk:phq-9:phq-9-item-9:s3",
      sessionIndex: 3,
    });
    expect(signals[0]!.explanation).toContain(
      `answered 1 on ${signals[0]!.at.slice(0, 10)} (session 3), total 4`,
    );
  });

  it("stays silent on a check-in without triggering answers", () => {
    expect(
      riskSignals([checkIn("phq-9", 3, 20, { riskItems: [] })], PARAMS),
    ).toEqual([]);
  });

  it("reads every check-in, not only each instrument's latest (a late or backdated one counts)", () => {
    const checkIns = [
      checkIn("phq-9", 2, 15, { riskItems: item9(2) }),
      checkIn("phq-9", 3, 12, { riskItems: [] }),
    ];
    const signals = riskSignals(checkIns, PARAMS);
    expect(signals.map((s) => s.sessionIndex)).toEqual([2]);
    expect(signals[0]!.evidence).toMatchObject({ answer: 2, total: 15 });
  });

  it("leaves the total out for an unscored response", () => {
    expect(
      riskSignals(
        [checkIn("phq-9", 1, null, { riskItems: item9(2) })],
        PARAMS,
      )[0]!.explanation,
    ).not.toContain(", total");
  });
});
