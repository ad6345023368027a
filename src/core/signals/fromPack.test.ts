import { describe, expect, it } from "vitest";
import { bundledPack } from "../instruments/bundled.js";
import { signalParamsFromPack } from "./fromPack.js";
import { referenceModels } from "./referenceModels.js";

const pack = (id: string) => {
  const p = bundledPack(id);
  if (!p) throw new Error(`no bundled pack ${id}`);
  return p;
};

describe("signalParamsFromPack", () => {
  it("takes PHQ-9's caseness and reliable change from the pack", () => {
    const params = signalParamsFromPack(
      pack("phq-9"),
      referenceModels().get("phq-9"),
    );
    expect(params).toMatchObject({
      role: "outcome",
      direction: "higherIsWorse",
      caseness: 10,
      reliableChange: { kind: "points", minChange: 6 },
    });
    expect(params?.trajectoryModel).toBeDefined();
  });

  it("takes GAD-7's NHS Talking Therapies caseness (8), not its screening cut-off (10)", () => {
    const gad7 = pack("gad-7");
    expect(gad7.scoring.cutoff?.value).toBe(10);
    expect(signalParamsFromPack(gad7)?.caseness).toBe(8);
  });

  it("declares no caseness where the pack has only a screening cut-off (PHQ-2 ≥ 3)", () => {
    expect(signalParamsFromPack(pack("phq-2"))?.caseness).toBeUndefined();
  });

  it("groups the versions a pack declares score-compatible", () => {
    expect(signalParamsFromPack(pack("gad-7"))?.compatibleVersions).toEqual([
      ["1.0.0", "1.1.0"],
    ]);
    expect(
      signalParamsFromPack(pack("k10"))?.compatibleVersions,
    ).toBeUndefined();
  });

  it("takes the alliance check-in's SD floor and components, and no cut-off (it has none)", () => {
    const params = signalParamsFromPack(pack("rapport-alliance"));
    expect(params).toMatchObject({
      role: "alliance",
      direction: "higherIsBetter",
      sdFloor: 0.5,
    });
    expect(params?.cutOff).toBeUndefined();
    expect(Object.keys(params?.subscaleLabels ?? {})).toEqual([
      "goals",
      "tasks",
      "bond",
    ]);
  });

  it("ships reference models for PHQ-9 and GAD-7", () => {
    expect([...referenceModels().keys()].sort()).toEqual(["gad-7", "phq-9"]);
  });
});
