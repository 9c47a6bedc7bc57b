import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { editDistance } from "../../src/bar/index.ts";

/** The textbook full-matrix optimal-string-alignment distance, as the reference. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

describe("editDistance", () => {
  it("counts typos guests make: a swap, a missing and an extra letter", () => {
    assert.equal(editDistance("negorni", "negroni"), 1);
    assert.equal(editDistance("martin", "martini"), 1);
    assert.equal(editDistance("mojitto", "mojito"), 1);
    assert.equal(editDistance("gin", "gin"), 0);
  });

  it("matches the full-matrix definition, and past `max` says it is over", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const exact = referenceDistance(a, b);
        assert.equal(editDistance(a, b), exact);
        const bounded = editDistance(a, b, max);
        if (exact <= max) assert.equal(bounded, exact);
        else assert.ok(bounded > max, `${bounded} should be over ${max}`);
      }),
    );
  });
});
