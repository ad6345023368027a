// Share of therapist utterances showing each empathy mechanism at any level (>= 1) and strongly (2).
import type { CodedUtterance } from "../codedUtterance.js";
import type { EmpathyLevels } from "../coding/empathy.js";

export interface MechanismRate {
  any: number | null;
  strong: number | null;
}

export type EmpathyRates = Record<keyof EmpathyLevels, MechanismRate>;

export function empathyRates(coded: readonly CodedUtterance[]): EmpathyRates {
  const levels = coded.flatMap((u) => (u.empathy ? [u.empathy] : []));
  const rate = (mechanism: keyof EmpathyLevels, minimum: number) =>
    levels.length === 0
      ? null
      : levels.filter((l) => l[mechanism] >= minimum).length / levels.length;
  const mechanism = (name: keyof EmpathyLevels): MechanismRate => ({
    any: rate(name, 1),
    strong: rate(name, 2),
  });
  return {
    emotionalReaction: mechanism("emotionalReaction"),
    interpretation: mechanism("interpretation"),
    exploration: mechanism("exploration"),
  };
}
