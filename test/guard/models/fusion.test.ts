import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { fuseScores } from "../../../src/guard/index.ts";

const p = fc.double({ min: 0, max: 1, noNaN: true });

test("fusion is a probability, monotone in both the heuristic and the model", () => {
  fc.assert(
    fc.property(p, p, p, p, (h1, h2, m1, m2) => {
      const [hl, hh] = h1 <= h2 ? [h1, h2] : [h2, h1];
      const [ml, mh] = m1 <= m2 ? [m1, m2] : [m2, m1];
      const low = fuseScores("promptInjection", hl, ml);
      assert.ok(low >= 0 && low <= 1);
      assert.ok(fuseScores("promptInjection", hh, ml) >= low - 1e-12);
      assert.ok(fuseScores("promptInjection", hl, mh) >= low - 1e-12);
    }),
  );
});

test("without a model the heuristic stands alone; a silent heuristic leaves the model as is", () => {
  assert.equal(fuseScores("toxicity", 0.42, undefined), 0.42);
  assert.ok(Math.abs(fuseScores("toxicity", 0, 0.3) - 0.3) < 1e-9);
});

test("a near-certain heuristic blocks alone; a middling one needs the model's support", () => {
  assert.ok(fuseScores("promptInjection", 0.97, 0.01) >= 0.97);
  assert.ok(fuseScores("promptInjection", 0.9, 0.01) < 0.5);
  assert.ok(fuseScores("promptInjection", 0.9, 0.2) >= 0.5);
  assert.ok(fuseScores("promptInjection", 0.6, 0.4) >= 0.5, "two weak signals add up");
});
