import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type Example, exampleWeights } from "../../scripts/guard-fit.ts";

const example = (label: 0 | 1, group: string): Example => ({
  text: `${group}-${label}`,
  label,
  source: group,
  split: "train",
  group,
  x: { indices: new Int32Array(), values: new Float32Array() },
});

const rows = fc.array(
  fc.record({
    label: fc.constantFrom(0 as const, 1 as const),
    group: fc.constantFrom(
      "garak",
      "sgd",
      "maya:generated/a",
      "maya:generated/b",
      "maya:handwritten",
    ),
  }),
  { minLength: 1, maxLength: 60 },
);

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test("each class weighs half of the rows, with or without a shared share", () => {
  fc.assert(
    fc.property(
      rows,
      fc.option(fc.double({ min: 0.05, max: 0.95, noNaN: true })),
      (spec, share) => {
        const examples = spec.map((r) => example(r.label, r.group));
        const weights = exampleWeights(examples, 0.5, share ?? undefined);
        for (const label of [0, 1]) {
          const mine = weights.filter((_, i) => examples[i]!.label === label);
          if (mine.length > 0) assert.ok(Math.abs(sum(mine) - examples.length / 2) < 1e-6);
        }
      },
    ),
  );
});

test("the shared sources get their share of a class however many families of ours there are", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 1, max: 40 }),
      (families, perFamily) => {
        const examples = [
          ...Array.from({ length: 20 }, () => example(1, "garak")),
          ...Array.from({ length: families * perFamily }, (_, i) =>
            example(1, `maya:generated/f${i % families}`),
          ),
        ];
        const weights = exampleWeights(examples, 0.5, 0.3);
        const shared = sum(weights.filter((_, i) => examples[i]!.group === "garak"));
        assert.ok(Math.abs(shared / sum(weights) - 0.3) < 1e-9);
      },
    ),
  );
});
