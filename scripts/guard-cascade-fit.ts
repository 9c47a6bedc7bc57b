/**
 * Fits the toxicity cascade's second stage (see src/guard/models/cascade.ts):
 * a class-balanced logistic head over sentence embeddings, trained on the
 * same rows as the fast model, then the stacking weights (a, b, c) fitted on
 * the held-back calibration slice, where neither stage has seen the labels.
 * Full-batch Adam from zero weights: deterministic.
 */

import type { CascadeHead, Stacking } from "../src/guard/models/cascade.ts";
import { headLogit } from "../src/guard/models/cascade.ts";
import { logit, sigmoid } from "../src/guard/models/linear.ts";
import type { EmbeddingTable } from "./guard-embeddings.ts";

/** Fast probabilities strictly inside this band get the second opinion. */
export const CASCADE_BAND: [number, number] = [0.05, 0.95];

type Row = { text: string; label: 0 | 1 };

export function trainHead(
  rows: readonly Row[],
  table: EmbeddingTable,
  options = { epochs: 300, learningRate: 0.01, l2: 1e-4 },
): { weights: Float32Array; bias: number } {
  const dims = table.dims;
  const xs = rows.map((r) => table.get(r.text));
  const positives = rows.filter((r) => r.label === 1).length;
  const classWeight = [rows.length / 2 / (rows.length - positives), rows.length / 2 / positives];
  const w = new Float64Array(dims);
  const m = new Float64Array(dims + 1);
  const v = new Float64Array(dims + 1);
  let bias = 0;
  const [beta1, beta2] = [0.9, 0.999];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const grad = new Float64Array(dims + 1);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let z = bias;
      for (let d = 0; d < dims; d++) z += w[d]! * x[d]!;
      const error = (sigmoid(z) - rows[i]!.label) * classWeight[rows[i]!.label]!;
      for (let d = 0; d < dims; d++) grad[d] = grad[d]! + error * x[d]!;
      grad[dims] = grad[dims]! + error;
    }
    for (let d = 0; d <= dims; d++) {
      const g = grad[d]! / xs.length + (d < dims ? options.l2 * w[d]! : 0);
      m[d] = beta1 * m[d]! + (1 - beta1) * g;
      v[d] = beta2 * v[d]! + (1 - beta2) * g * g;
      const step =
        (options.learningRate * (m[d]! / (1 - beta1 ** epoch))) /
        (Math.sqrt(v[d]! / (1 - beta2 ** epoch)) + 1e-8);
      if (d < dims) w[d] = w[d]! - step;
      else bias -= step;
    }
  }
  return { weights: Float32Array.from(w), bias };
}

/** Logistic regression on two inputs (fast log-odds, head log-odds), by gradient descent. */
export function fitStacking(
  fast: readonly number[],
  head: readonly number[],
  labels: readonly number[],
): Stacking {
  let [a, b, c] = [1, 0.5, 0];
  const n = labels.length;
  for (let it = 0; it < 3000; it++) {
    let [ga, gb, gc] = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const e = sigmoid(a * fast[i]! + b * head[i]! + c) - labels[i]!;
      ga += e * fast[i]!;
      gb += e * head[i]!;
      gc += e;
    }
    a -= (0.5 * ga) / n;
    b -= (0.5 * gb) / n;
    c -= (0.5 * gc) / n;
  }
  return { a, b, c };
}

/**
 * The whole second stage: the head on `fitRows`; the stacking on the
 * calibration rows whose fast probability falls in the band, the only rows
 * it is ever applied to (the fast model's Platt scaling was fitted on the
 * same slice, but neither model was trained on it).
 */
export function fitCascade(
  fitRows: readonly Row[],
  calibration: readonly Row[],
  fastProbability: (text: string) => number,
  table: EmbeddingTable,
): CascadeHead {
  const { weights, bias } = trainHead(fitRows, table);
  const partial: CascadeHead = {
    encoder: table.id,
    weights,
    bias,
    stack: { a: 1, b: 0, c: 0 },
    band: CASCADE_BAND,
  };
  const uncertain = calibration
    .map((r) => ({ ...r, fast: fastProbability(r.text) }))
    .filter((r) => r.fast > CASCADE_BAND[0] && r.fast < CASCADE_BAND[1]);
  const stack = fitStacking(
    uncertain.map((r) => logit(r.fast)),
    uncertain.map((r) => headLogit(partial, table.get(r.text))),
    uncertain.map((r) => r.label),
  );
  return { ...partial, stack };
}
