import { describe, expect, it } from "vitest";
import { checkIn, PARAMS } from "./fixtures.js";
import { riskSignals } from "./risk.js";

const item9 = (answer: number) => [{ linkId: "phq-9-item-9", answer }];

describe("riskSignals", () => {
  it("raises a critical signal for any non-zero risk answer, whatever the total", () => {
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
      "answered 1 at session 3 (total 4)",
    );
  });

  it("stays silent on a zero answer", () => {
    expect(
      riskSignals([checkIn("phq-9", 3, 20, { riskItems: item9(0) })], PARAMS),
    ).toEqual([]);
  });

  it("looks at each instrument's latest check-in only", () => {
    const checkIns = [
      checkIn("phq-9", 2, 15, { riskItems: item9(2) }),
      checkIn("phq-9", 3, 12, { riskItems: item9(0) }),
    ];
    expect(riskSignals(checkIns, PARAMS)).toEqual([]);
  });

  it("honours a pack's higher minimum answer and unscored responses", () => {
    const params = {
      ...PARAMS,
      instruments: {
        ...PARAMS.instruments,
        "phq-9": { ...PARAMS.instruments["phq-9"]!, riskMinAnswer: 2 },
      },
    };
    expect(
      riskSignals([checkIn("phq-9", 1, null, { riskItems: item9(1) })], params),
    ).toEqual([]);
    expect(
      riskSignals(
        [checkIn("phq-9", 1, null, { riskItems: item9(2) })],
        params,
      )[0]!.explanation,
    ).not.toContain("(total");
  });
});
