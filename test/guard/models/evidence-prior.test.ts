/**
 * The low-evidence prior: a text with few n-grams leans towards the benign
 * prior, a long text keeps the model's own calibrated score, and the score
 * stays monotone in the model's margin whatever the length.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { SparseVector } from "../../../src/guard/models/features.ts";
import { loadDefaultClassifiers } from "../../../src/guard/models/index.ts";
import { type LinearModel, probability, sigmoid } from "../../../src/guard/models/linear.ts";

const prior = { halfAt: 12, priorLogit: Math.log(0.02 / 0.98) };

/** A model whose weight at every bucket is `w`, so the margin is w·Σx. */
function flatModel(w: number, evidence?: typeof prior): LinearModel {
  return {
    weights: new Int8Array(64).fill(w),
    scale: 1,
    bias: 0,
    platt: { a: 1, b: 0 },
    ...(evidence ? { evidence } : {}),
  };
}

function vector(n: number, value: number): SparseVector {
  return {
    indices: Int32Array.from({ length: n }, (_, i) => i),
    values: new Float32Array(n).fill(value),
  };
}

test("a confident score on few features is pulled towards the benign prior", () => {
  const x = vector(4, 0.5); // margin 4 · 0.5 · 2 = 4
  const plain = probability(flatModel(2), x);
  const withPrior = probability(flatModel(2, prior), x);
  assert.ok(plain > 0.95);
  assert.ok(withPrior < 0.5, `${withPrior}`);
});

test("with many features the prior barely moves the score", () => {
  const x = vector(60, 0.05); // margin 60 · 0.05 · 1 = 3
  const plain = probability(flatModel(1), x);
  const withPrior = probability(flatModel(1, prior), x);
  assert.ok(plain - withPrior < 0.15, `${plain} vs ${withPrior}`);
  assert.ok(withPrior > 0.5);
});

test("property: the prior keeps scores in [0, 1], monotone in the margin, between prior and model", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 64 }),
      fc.integer({ min: -100, max: 100 }),
      fc.integer({ min: -100, max: 100 }),
      (n, w1, w2) => {
        const x = vector(n, 1 / Math.sqrt(n));
        const [lo, hi] = w1 <= w2 ? [w1, w2] : [w2, w1];
        const pLo = probability(flatModel(lo, prior), x);
        const pHi = probability(flatModel(hi, prior), x);
        const plain = probability(flatModel(hi), x);
        const p0 = sigmoid(prior.priorLogit);
        return (
          pLo >= 0 &&
          pHi <= 1 &&
          pLo <= pHi + 1e-12 &&
          pHi >= Math.min(plain, p0) - 1e-12 &&
          pHi <= Math.max(plain, p0) + 1e-12
        );
      },
    ),
  );
});

test("the shipped models carry the prior: one-word greetings score low", () => {
  const { promptInjection, toxicity } = loadDefaultClassifiers();
  for (const text of ["yo", "hey", "sup"]) {
    assert.ok(promptInjection!.score(text) < 0.3, `${text}: injection`);
    assert.ok(toxicity!.score(text) < 0.3, `${text}: toxicity`);
  }
});
