import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SIGNAL_OPTIONS } from "./defaults.js";
import {
  ALLIANCE,
  appointment,
  checkIn,
  RUPTURE_REPAIRED_CLIENT,
  series,
} from "./fixtures.js";
import { ruptureSignals } from "./rupture.js";
import type {
  InstrumentSignalParams,
  RuptureOptions,
  ScoredCheckIn,
} from "./types.js";

const SENSITIVE: RuptureOptions = {
  ...DEFAULT_SIGNAL_OPTIONS.rupture,
  mode: "sensitive",
};
const STRICT: RuptureOptions = { ...SENSITIVE, mode: "strict" };
const FLOOR_15: InstrumentSignalParams = { ...ALLIANCE, sdFloor: 1.5 };

function run(
  checkIns: ScoredCheckIn[],
  params = ALLIANCE,
  options = SENSITIVE,
  lastAppointment = 0,
) {
  const appointments =
    lastAppointment > 0 ? [appointment(lastAppointment, true, false)] : [];
  return ruptureSignals({ checkIns, appointments }, params, options);
}

const alliance = (totals: number[]) => series("rapport-alliance", totals);

describe("ruptureSignals: the baseline rule", () => {
  it("flags a 1.33 SD drop in sensitive mode but not in strict mode", () => {
    // baseline 35, 36, 34: mean 35, SD 1, floored to 1.5; 33 is (35 − 33) / 1.5 = 1.33 SD below
    const checkIns = alliance([35, 36, 34, 33]);
    const [signal] = run(checkIns, FLOOR_15);
    expect(signal).toMatchObject({
      kind: "rupture",
      causeKey: "rupture:rapport-alliance:s4",
      rule: "rupture.baseline-drop",
    });
    expect(signal!.evidence.dropSd).toBeCloseTo(1.3333, 4);
    expect(signal!.evidence.baselineSd).toBe(1.5);
    expect(signal!.explanation).toContain(
      "1.3 SD below this client's baseline of 35.0",
    );
    expect(run(checkIns, FLOOR_15, STRICT)).toEqual([]);
  });

  it("flags a 2 SD drop in strict mode", () => {
    expect(run(alliance([35, 36, 34, 32]), FLOOR_15, STRICT)).toHaveLength(1); // (35 − 32) / 1.5 = 2
  });

  it("needs three earlier check-ins before the baseline rule applies", () => {
    expect(run(alliance([36, 36, 20]))).toEqual([]);
    expect(run(alliance([36, 36, 36, 20]))).toHaveLength(1);
  });

  it("uses the SD floor when the baseline is constant (zero SD)", () => {
    // mean 40, SD 0 → floor 1: 39 is exactly 1 SD below
    const [signal] = run(alliance([40, 40, 40, 39]));
    expect(signal!.evidence).toMatchObject({
      baselineMean: 40,
      baselineSd: 1,
      dropSd: 1,
    });
    expect(signal!.explanation).toContain("SD floored at 1.0");
  });

  it("treats consecutive low scores as one episode, kept out of the baseline", () => {
    const signals = run(alliance([35, 35, 35, 30, 29, 35]));
    expect(signals).toHaveLength(1);
    expect(signals[0]!.evidence).toMatchObject({
      repair: "repaired",
      returnedAtSession: 6,
    });
  });
});

describe("ruptureSignals: repair", () => {
  it("is repaired when back at baseline within three sessions", () => {
    const [signal] = run(alliance([35, 35, 35, 30, 32, 33, 35]));
    expect(signal).toMatchObject({ severity: "low" });
    expect(signal!.evidence.repair).toBe("repaired");
  });

  it("is unrepaired when the return comes after a gap beyond the window", () => {
    const checkIns = [
      ...alliance([35, 35, 35, 30]),
      checkIn("rapport-alliance", 8, 35),
    ];
    const [signal] = run(checkIns);
    expect(signal).toMatchObject({ severity: "high" });
    expect(signal!.evidence).toMatchObject({
      repair: "unrepaired",
      returnedAtSession: 8,
    });
  });

  it("is pending while the window is open, unrepaired once it has passed", () => {
    const checkIns = alliance([35, 35, 35, 30]);
    expect(run(checkIns, ALLIANCE, SENSITIVE, 6)[0]).toMatchObject({
      severity: "medium",
      evidence: { repair: "pending" },
    });
    expect(run(checkIns, ALLIANCE, SENSITIVE, 7)[0]).toMatchObject({
      severity: "high",
      evidence: { repair: "unrepaired" },
    });
  });
});

describe("ruptureSignals: cut-off, components, versions", () => {
  const SRS_LIKE: InstrumentSignalParams = { ...ALLIANCE, cutOff: 36 };

  it("applies the cut-off from the first session, with no baseline", () => {
    const [signal] = run(alliance([30]), SRS_LIKE);
    expect(signal).toMatchObject({
      rule: "rupture.cut-off",
      evidence: { baselineMean: null, cutOff: 36 },
    });
    expect(signal!.explanation).toContain("no baseline yet");
  });

  it("names the component that dropped most", () => {
    const [signal] = ruptureSignals(
      RUPTURE_REPAIRED_CLIENT,
      ALLIANCE,
      SENSITIVE,
    );
    expect(signal!.evidence).toMatchObject({
      component: "bond",
      components: "bond,tasks",
      repair: "repaired",
    });
    expect(signal!.explanation).toContain("Largest drop: bond (−4)");
  });

  it("does not mix versions in a baseline unless declared compatible", () => {
    const checkIns = [
      ...alliance([35, 35, 35]),
      ...[30, 30].map((t, i) =>
        checkIn("rapport-alliance", 4 + i, t, { instrumentVersion: "2" }),
      ),
    ];
    expect(run(checkIns)).toEqual([]);
    expect(
      run(checkIns, { ...ALLIANCE, compatibleVersions: [["1", "2"]] }),
    ).toHaveLength(1);
  });

  it("rejects an alliance pack with neither SD floor nor cut-off", () => {
    const noFloor = { ...ALLIANCE, sdFloor: undefined };
    expect(() => run(alliance([35]), noFloor)).toThrow(RangeError);
  });
});

describe("ruptureSignals: properties", () => {
  const totals = fc.array(fc.integer({ min: 0, max: 40 }), {
    minLength: 1,
    maxLength: 15,
  });

  it("never flags a series that never falls", () => {
    fc.assert(
      fc.property(totals, (t) => {
        expect(run(alliance([...t].sort((a, b) => a - b)))).toEqual([]);
      }),
    );
  });

  it("is unchanged by adding a constant to every score", () => {
    fc.assert(
      fc.property(totals, fc.integer({ min: -20, max: 20 }), (t, shift) => {
        const keys = (xs: number[]) =>
          run(alliance(xs)).map((s) => [s.causeKey, s.evidence.repair]);
        expect(keys(t.map((x) => x + shift))).toEqual(keys(t));
      }),
    );
  });

  it("gives each episode its own cause key", () => {
    fc.assert(
      fc.property(totals, (t) => {
        const keys = run(alliance(t)).map((s) => s.causeKey);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
