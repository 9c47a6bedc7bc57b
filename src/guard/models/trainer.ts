/**
 * Training for the guard's linear classifiers: L2-regularised logistic
 * regression by AdaGrad SGD over sparse hashed features, class-balanced, with
 * a seeded shuffle so the same data always yields the same weights; and Platt
 * scaling fitted on a held-back slice for calibrated probabilities.
 */

import type { SparseVector } from "./features.ts";
import { type Platt, sigmoid } from "./linear.ts";

export type TrainOptions = {
  dim: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Called after each epoch with the mean training loss. */
  onEpoch?: (epoch: number, loss: number) => void;
};

export type TrainedWeights = { weights: Float64Array; bias: number };

/** mulberry32: a small, fast, seeded PRNG (deterministic across platforms). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Fits weights so that sigmoid(w·x + b) predicts the label. `weights` per
 * example let callers balance classes or up-weight scarce families.
 */
export function trainLogistic(
  xs: readonly SparseVector[],
  labels: readonly number[],
  exampleWeights: readonly number[],
  options: TrainOptions,
): TrainedWeights {
  if (xs.length !== labels.length || xs.length !== exampleWeights.length) {
    throw new Error("trainLogistic: xs, labels and weights must have the same length");
  }
  const { dim, epochs, learningRate, l2, seed } = options;
  const w = new Float64Array(dim);
  const g2 = new Float64Array(dim).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = Array.from(xs.keys());
  const random = seededRandom(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, random);
    let loss = 0;
    let weightSum = 0;
    for (const i of order) {
      const x = xs[i]!;
      const y = labels[i]!;
      const sw = exampleWeights[i]!;
      let z = bias;
      for (let k = 0; k < x.indices.length; k++) z += w[x.indices[k]!]! * x.values[k]!;
      const p = sigmoid(z);
      loss += sw * -Math.log(y === 1 ? Math.max(p, 1e-12) : Math.max(1 - p, 1e-12));
      weightSum += sw;
      const g = (p - y) * sw;
      for (let k = 0; k < x.indices.length; k++) {
        const j = x.indices[k]!;
        const grad = g * x.values[k]! + l2 * w[j]!;
        g2[j] = g2[j]! + grad * grad;
        w[j] = w[j]! - (learningRate * grad) / Math.sqrt(g2[j]!);
      }
      biasG2 += g * g;
      bias -= (learningRate * g) / Math.sqrt(biasG2);
    }
    options.onEpoch?.(epoch, loss / Math.max(weightSum, 1e-12));
  }
  return { weights: w, bias };
}

/**
 * Platt scaling (Platt 1999, with Lin, Lin & Weng's Newton method): fits
 * p = sigmoid(a·m + b) to margins `m` with smoothed targets, so a model trained
 * on re-weighted classes still reports honest probabilities.
 */
export function fitPlatt(margins: readonly number[], labels: readonly number[]): Platt {
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new Error("fitPlatt: need both classes");
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const t = labels.map((y) => (y === 1 ? hi : lo));
  let a = 1;
  let b = Math.log((negatives + 1) / (positives + 1)) * -1;
  const objective = (pa: number, pb: number): number => {
    let f = 0;
    for (let i = 0; i < margins.length; i++) {
      const z = pa * margins[i]! + pb;
      // -[t log p + (1-t) log(1-p)] with p = sigmoid(z), computed stably.
      f +=
        z >= 0 ? (1 - t[i]!) * z + Math.log1p(Math.exp(-z)) : -t[i]! * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let f = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < margins.length; i++) {
      const m = margins[i]!;
      const p = sigmoid(a * m + b);
      const d1 = p - t[i]!;
      const d2 = p * (1 - p);
      h11 += m * m * d2;
      h22 += d2;
      h21 += m * d2;
      g1 += m * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    let step = 1;
    while (step > 1e-10) {
      const fNew = objective(a + step * da, b + step * db);
      if (fNew < f + 1e-4 * step * (g1 * da + g2 * db)) {
        a += step * da;
        b += step * db;
        f = fNew;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10) break;
  }
  return { a, b };
}
