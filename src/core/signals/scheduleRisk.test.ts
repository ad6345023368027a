import { describe, expect, it } from "vitest";
import { bundledPacks } from "../instruments/bundled.js";
import { scheduleRiskWarning } from "./scheduleRisk.js";

const packs = [...bundledPacks().values()];
const schedule = (...ids: string[]) =>
  ids.map((instrumentId) => ({ instrumentId }));

describe("scheduleRiskWarning", () => {
  it("warns when the schedule asks PHQ-2 or WHO-5 alone, naming the instruments with a risk item", () => {
    for (const ids of [["phq-2"], ["who-5"], ["phq-2", "who-5", "gad-7"]]) {
      const warning = scheduleRiskWarning(schedule(...ids), packs);
      expect(warning).toMatch(
        /asks a risk item, so scheduled check-ins never raise a risk alert/,
      );
      expect(warning).toContain("PHQ-9");
    }
  });

  it("is silent when a scheduled instrument has a risk item, or nothing is scheduled", () => {
    expect(scheduleRiskWarning(schedule("phq-2", "phq-9"), packs)).toBeNull();
    expect(scheduleRiskWarning(schedule("core-10"), packs)).toBeNull();
    expect(scheduleRiskWarning([], packs)).toBeNull();
  });
});
