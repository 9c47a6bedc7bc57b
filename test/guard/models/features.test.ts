import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { canonicalText, Featurizer } from "../../../src/guard/models/features.ts";

const featurizer = new Featurizer({
  bits: 12,
  charMin: 3,
  charMax: 5,
  wordWeight: 1,
  maxChars: 2048,
});

test("features are deterministic, unique, in range and L2-normalised", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
      const a = featurizer.featurize(text);
      const b = featurizer.featurize(text);
      assert.deepEqual(a, b);
      assert.equal(new Set(a.indices).size, a.indices.length);
      for (const i of a.indices) assert.ok(i >= 0 && i < featurizer.size);
      const norm = a.values.reduce((s, v) => s + v * v, 0);
      assert.ok(a.indices.length === 0 || Math.abs(norm - 1) < 1e-4);
    }),
  );
});

test("case and whitespace do not change the features", () => {
  assert.deepEqual(
    featurizer.featurize("Ignore   previous\n\tINSTRUCTIONS"),
    featurizer.featurize("ignore previous instructions"),
  );
});

test("empty text has no features; short text still has word features", () => {
  assert.equal(featurizer.featurize("").indices.length, 0);
  assert.ok(featurizer.featurize("a").indices.length > 0);
});

test("long texts keep their head and tail", () => {
  const t = canonicalText(`${"x".repeat(5000)} tail words`, 1000);
  assert.ok(t.length <= 1001);
  assert.ok(t.endsWith("tail words"));
});

test("bad bucket sizes are rejected", () => {
  assert.throws(
    () => new Featurizer({ bits: 40, charMin: 3, charMax: 5, wordWeight: 1, maxChars: 10 }),
    /bits/,
  );
});
