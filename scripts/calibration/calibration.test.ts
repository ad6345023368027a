// The calibration simulates honestly (every score carries error, the intake too; the error is an
// assumption, not the threshold under test; the shipped settings are what runs), and
// docs/signals.md shows the figures the script prints now.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundledPack } from "../../src/core/instruments/bundled.js";
import { signalParamsFromPack } from "../../src/core/signals/fromPack.js";
import { mulberry32, normalSampler } from "../../src/core/stats/prng.js";
import { ALLIANCE, outcomeSeries, PHQ9, PHQ_NOISE } from "./cohorts.js";
import { calibrationReport } from "./report.js";

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
const tableRows = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l.trim()))
    .map((l) => cells(l).join(" | "));

describe("signal calibration", () => {
  it("gives the intake the same measurement error as every later score", () => {
    const u = mulberry32(7);
    const z = normalSampler(u);
    const errors = Array.from({ length: 4000 }, () => {
      const { checkIns, truth } = outcomeSeries("stable", 2.5, u, z);
      return checkIns[0]!.total! - truth[0]!;
    });
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    const sd = Math.sqrt(
      errors.reduce((a, e) => a + (e - mean) ** 2, 0) / (errors.length - 1),
    );
    // N(0, 2.5²) plus rounding to whole points (SD ≈ 0.29).
    expect(sd).toBeGreaterThan(2.35);
    expect(sd).toBeLessThan(2.75);
  });

  it("assumes its noise levels rather than deriving them from the PHQ-9's reliable-change threshold", () => {
    const rciImplied = 6 / (1.96 * Math.SQRT2); // what an earlier version used
    expect(PHQ_NOISE.length).toBeGreaterThan(1);
    for (const sd of PHQ_NOISE)
      expect(Math.abs(sd - rciImplied)).toBeGreaterThan(0.1);
  });

  it("runs the shipped settings: the bundled packs' parameters and SD floor", () => {
    expect(ALLIANCE).toEqual(
      signalParamsFromPack(bundledPack("rapport-alliance")!),
    );
    expect(ALLIANCE.sdFloor).toBe(0.5);
    expect(PHQ9).toMatchObject({
      caseness: 10,
      reliableChange: { kind: "points", minChange: 6 },
    });
    expect(PHQ9.trajectoryModel).toBeDefined();
  });

  it(
    "matches the figures in docs/signals.md",
    () => {
      const report = calibrationReport();
      const docs = new Set(
        tableRows(
          readFileSync(
            new URL("../../docs/signals.md", import.meta.url),
            "utf8",
          ),
        ),
      );
      const rows = tableRows(report);
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.some((r) => r.startsWith("strict (default) | 2 | 0.5"))).toBe(
        true,
      );
      expect(rows.filter((r) => !docs.has(r))).toEqual([]);
    },
    300_000, // a generous bound against a hang, not a speed claim
  );
});
