/**
 * A calibrated linear classifier over hashed features.
 *
 * Weights are stored as int8 with one scale factor (4x smaller than float32;
 * the training script measures the quantised model, so the published figures
 * are the ones this code reproduces). The raw margin goes through Platt
 * scaling, fitted on a held-back slice, so the output is a probability.
 */

import type { SparseVector } from "./features.ts";

export type Platt = { a: number; b: number };

/**
 * A prior for low-evidence texts: a message with few n-grams ("yo", "?",
 * "hit me") hangs on a handful of weights learned from other contexts, so its
 * calibrated log-odds are blended with a benign prior, trusting the model in
 * proportion n / (n + halfAt) to the number n of distinct features that fired.
 * Long texts (hundreds of features) are practically unchanged.
 */
export type EvidencePrior = { halfAt: number; priorLogit: number };

export type LinearModel = {
  weights: Int8Array;
  /** Real weight = weights[i] * scale. */
  scale: number;
  bias: number;
  platt: Platt;
  evidence?: EvidencePrior;
};

export function margin(model: LinearModel, x: SparseVector): number {
  const { weights } = model;
  const { indices, values } = x;
  let sum = 0;
  for (let k = 0; k < indices.length; k++) sum += weights[indices[k]!]! * values[k]!;
  return sum * model.scale + model.bias;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Log-odds, clamped so 0 and 1 stay finite. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

export function calibrate(platt: Platt, rawMargin: number): number {
  return sigmoid(platt.a * rawMargin + platt.b);
}

export function probability(model: LinearModel, x: SparseVector): number {
  const { platt, evidence } = model;
  const z = platt.a * margin(model, x) + platt.b;
  if (!evidence || evidence.halfAt <= 0) return sigmoid(z);
  const trust = x.indices.length / (x.indices.length + evidence.halfAt);
  return sigmoid(trust * z + (1 - trust) * evidence.priorLogit);
}

/** Symmetric int8 quantisation with one scale for the whole vector. */
export function quantize(weights: Float64Array | Float32Array): {
  weights: Int8Array;
  scale: number;
} {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i]! / scale);
  return { weights: q, scale };
}
