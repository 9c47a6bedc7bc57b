import assert from "node:assert/strict";
import { test } from "node:test";
import type { Task } from "../../../src/guard/models/dataset.ts";
import { loadDefaultClassifiers } from "../../../src/guard/models/index.ts";
import { modelText, ownRows } from "./helpers.ts";

/**
 * Our committed val rows were never trained on. Sorted by score and cut into
 * equal bins, the observed share of positives must rise with the score, and a
 * 0.5 threshold must sit between the bins that are mostly negative and mostly
 * positive (that is what "calibrated" buys at the default threshold).
 */
function reliability(task: Task, name: "promptInjection" | "toxicity", bins: number) {
  const classifier = loadDefaultClassifiers()[name]!;
  const rows = [...ownRows(task, "generated"), ...ownRows(task, "handwritten")].filter(
    (r) => r.split === "val",
  );
  const scored = rows
    .map((r) => ({ p: classifier.score(modelText(r.text)), y: r.label }))
    .sort((a, b) => a.p - b.p);
  const size = Math.ceil(scored.length / bins);
  const out: { meanScore: number; observed: number }[] = [];
  for (let start = 0; start < scored.length; start += size) {
    const bin = scored.slice(start, start + size);
    out.push({
      meanScore: bin.reduce((s, r) => s + r.p, 0) / bin.length,
      observed: bin.reduce((s, r) => s + r.y, 0) / bin.length,
    });
  }
  return out;
}

for (const [task, name] of [
  ["prompt-injection", "promptInjection"],
  ["toxicity", "toxicity"],
] as const) {
  test(`${name}: observed positive rate is monotone in the score on held-back rows`, () => {
    const bins = reliability(task, name, 8);
    for (let k = 1; k < bins.length; k++) {
      assert.ok(
        bins[k]!.observed >= bins[k - 1]!.observed,
        `bin ${k}: ${JSON.stringify(bins.map((b) => b.observed.toFixed(2)))}`,
      );
    }
    for (const b of bins) {
      if (b.meanScore < 0.2) assert.ok(b.observed < 0.5, `low-score bin is mostly negative`);
      if (b.meanScore > 0.8) assert.ok(b.observed > 0.5, `high-score bin is mostly positive`);
    }
  });
}
