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
  it("takes PHQ-9's caseness, reliable change and risk trigger from the pack", () => {
    const params = signalParamsFromPack(
      pack("phq-9"),
      referenceModels().get("phq-9"),
    );
    expect(params).toMatchObject({
      role: "outcome",
      direction: "higherIsWorse",
      caseness: 10,
      reliableChange: { kind: "points", minChange: 6 },
      riskMinAnswer: 1,
    });
    expect(params?.trajectoryModel).toBeDefined();
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
