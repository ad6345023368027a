// Property tests over every bundled pack: totals stay in range, each item moves the total the
// right way (reverse items the other way), and scoring never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundledPacks } from "./bundled.js";
import { score } from "./score.js";
import { findItem, optionValues, totalRange } from "./itemValues.js";
import type { Pack } from "./packSchema.js";

const packs = [...bundledPacks().values()];

function choices(pack: Pack, linkId: string): number[] {
  const item = findItem(pack, linkId);
  return (item ? optionValues(item) : [])
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => a - b);
}

function completeAnswers(pack: Pack): fc.Arbitrary<Record<string, number>> {
  const entries = pack.scoring.items.map(
    (id) => [id, fc.constantFrom(...choices(pack, id))] as const,
  );
  return fc.record(Object.fromEntries(entries));
}

describe.each(packs.map((p) => [p.id, p] as const))(
  "%s properties",
  (_, pack) => {
    const range = totalRange(pack);

    it("scores every complete response, inside the total's range", () => {
      fc.assert(
        fc.property(completeAnswers(pack), (answers) => {
          const result = score(pack, answers);
          expect(result.valid).toBe(true);
          expect(result.total).toBeGreaterThanOrEqual(range.min);
          expect(result.total).toBeLessThanOrEqual(range.max);
        }),
      );
    });

    it("moves with each item: up for ordinary items, down for reverse-scored ones", () => {
      const reverse = new Set(pack.scoring.reverse?.items ?? []);
      fc.assert(
        fc.property(
          completeAnswers(pack),
          fc.constantFrom(...pack.scoring.items),
          (answers, linkId) => {
            const values = choices(pack, linkId);
            const index = values.indexOf(answers[linkId] ?? Number.NaN);
            fc.pre(index < values.length - 1);
            const before = score(pack, answers).total ?? Number.NaN;
            const after =
              score(pack, { ...answers, [linkId]: values[index + 1] }).total ??
              Number.NaN;
            if (reverse.has(linkId)) expect(after).toBeLessThan(before);
            else expect(after).toBeGreaterThan(before);
          },
        ),
      );
    });

    // Packs whose rule is "none" have no prorating to test (their golden vectors cover refusal).
    if (pack.scoring.missing.rule === "prorate") {
      it("keeps a prorated total inside the range", () => {
        const unrequired = pack.scoring.items.filter(
          (id) => findItem(pack, id)?.required !== true,
        );
        fc.assert(
          fc.property(
            completeAnswers(pack),
            fc.constantFrom(...unrequired),
            (answers, dropped) => {
              const rest = Object.fromEntries(
                Object.entries(answers).filter(([id]) => id !== dropped),
              );
              const result = score(pack, rest);
              expect(result).toMatchObject({
                valid: true,
                prorated: true,
                missingItems: [dropped],
              });
              expect(result.total).toBeGreaterThanOrEqual(range.min);
              expect(result.total).toBeLessThanOrEqual(range.max);
            },
          ),
        );
      });
    }

    it("never throws, whatever the answers", () => {
      const anyValue = fc.oneof(
        fc.double(),
        fc.integer(),
        fc.string(),
        fc.constant(null),
        fc.boolean(),
        fc.object(),
      );
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.oneof(fc.constantFrom(...pack.scoring.items), fc.string()),
            anyValue,
          ),
          (answers) => {
            const result = score(pack, answers);
            expect(result.valid === (result.total !== null)).toBe(true);
          },
        ),
      );
    });
  },
);
