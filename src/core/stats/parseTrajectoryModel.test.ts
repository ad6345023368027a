import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTrajectoryModel } from "./parseTrajectoryModel.js";
import { predictBand } from "./predictBand.js";

const stored = JSON.parse(
  readFileSync(
    new URL("../../../models/reference-trajectory.json", import.meta.url),
    "utf8",
  ),
) as Record<string, unknown>;

describe("the committed reference models", () => {
  for (const id of ["phq-9", "gad-7"]) {
    it(`${id} parses, converged, says it is not fitted to the clinic, and expects improvement`, () => {
      const model = parseTrajectoryModel(stored[id]);
      expect(model.converged).toBe(true);
      expect(model.source).toContain("not fitted to your clinic");
      const intake = id === "phq-9" ? 18 : 14;
      expect(predictBand(model, intake, 8, 0.95).expected).toBeLessThan(
        predictBand(model, intake, 2, 0.95).expected,
      );
    });
  }

  it("rejects a malformed model", () => {
    expect(() => parseTrajectoryModel({ instrumentId: "x" })).toThrow(
      TypeError,
    );
    expect(() => parseTrajectoryModel(null)).toThrow(TypeError);
  });
});
