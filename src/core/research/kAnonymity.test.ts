import { describe, expect, it } from "vitest";
import { mulberry32 } from "../stats/prng.js";
import { anonymise, combination, type QuasiRecord } from "./kAnonymity.js";
import { AGE_BANDS, GENDERS, SUPPRESSED } from "./quasiIdentifiers.js";

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** A synthetic organisation: every client unique on its raw quasi-identifiers. */
function organisation(seed: number, size: number): QuasiRecord[] {
  const random = mulberry32(seed);
  return Array.from({ length: size }, (_, i) => ({
    key: `client-${i}`,
    qi: {
      therapist: `T${i % 7}`,
      ageBand: pick(random, AGE_BANDS),
      gender: pick(random, GENDERS),
      episodeLength: pick(random, [
        "0-6 weeks",
        "7-12 weeks",
        "13-26 weeks",
        "27+ weeks",
      ]),
    },
  }));
}

function groupSizes(released: Map<string, object>): number[] {
  const sizes = new Map<string, number>();
  for (const qi of released.values()) {
    const c = combination(qi as Parameters<typeof combination>[0]);
    sizes.set(c, (sizes.get(c) ?? 0) + 1);
  }
  return [...sizes.values()];
}

describe("anonymise", () => {
  it("releases no combination covering fewer than k clients, on organisations built to violate it", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8])
      for (const size of [2, 4, 9, 30, 120])
        for (const k of [3, 5, 8]) {
          const records = organisation(seed, size);
          const before = new Map(records.map((r) => [r.key, r.qi]));
          expect(Math.min(...groupSizes(before))).toBeLessThan(k);
          const result = anonymise(records, k);
          for (const n of groupSizes(result.released))
            expect(n).toBeGreaterThanOrEqual(k);
          expect(result.released.size + result.dropped.length).toBe(size);
        }
  });

  it("leaves data alone that already satisfies k, and drops everyone when fewer than k exist", () => {
    const same = Array.from({ length: 6 }, (_, i) => ({
      key: `c${i}`,
      qi: {
        therapist: "T1",
        ageBand: "25-34",
        gender: "woman",
        episodeLength: "0-6 weeks",
      },
    }));
    const kept = anonymise(same, 5);
    expect(kept.levels).toEqual({
      therapist: 0,
      ageBand: 0,
      gender: 0,
      episodeLength: 0,
    });
    expect(kept.released.get("c0")?.therapist).toBe("T1");
    const gone = anonymise(same.slice(0, 4), 5);
    expect(gone.released.size).toBe(0);
    expect(gone.dropped).toHaveLength(4);
  });

  it("leaves out an outlier rather than coarsening everyone", () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      key: `c${i}`,
      qi: {
        therapist: "T1",
        ageBand: "25-34",
        gender: "woman",
        episodeLength: "0-6 weeks",
      },
    }));
    records[0]!.qi = { ...records[0]!.qi, gender: "man" };
    const result = anonymise(records, 5);
    expect(result.suppressed).toEqual([]);
    // The one man cannot be hidden (alone with everything suppressed), so he is left out.
    expect(result.dropped).toEqual(["c0"]);
    expect(result.released.get("c1")?.gender).toBe("woman");
    expect(
      [...result.released.values()].some((q) => q.gender === SUPPRESSED),
    ).toBe(false);
  });

  it("coarsens everyone once more than a tenth of the clients would be left out", () => {
    const records = Array.from({ length: 20 }, (_, i) => ({
      key: `c${i}`,
      qi: {
        therapist: "T1",
        ageBand: "25-34",
        gender: "woman",
        episodeLength: "0-6 weeks",
      },
    }));
    for (const i of [0, 1, 2])
      records[i]!.qi = { ...records[i]!.qi, gender: "man" };
    const result = anonymise(records, 5);
    expect(result.levels.gender).toBe(1);
    expect(result.dropped).toEqual([]);
  });

  it("never accepts k below 3", () => {
    expect(() => anonymise([], 2)).toThrow(/at least 3/);
    expect(() => anonymise([], 4.5)).toThrow(RangeError);
  });
});
