/**
 * Binary-classifier metrics shared by training and `maya eval`: the
 * confusion counts at a threshold, the ROC curve and its area, recall at a
 * fixed false-positive rate, and latency percentiles.
 */

export type ThresholdMetrics = {
  n: number;
  positives: number;
  negatives: number;
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  balancedAccuracy: number;
};

export function atThreshold(
  scores: readonly number[],
  labels: readonly number[],
  threshold: number,
): ThresholdMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (labels[i] === 1) predicted ? tp++ : fn++;
    else predicted ? fp++ : tn++;
  }
  const positives = tp + fn;
  const negatives = fp + tn;
  const precision = tp + fp > 0 ? tp / (tp + fp) : Number.NaN;
  const recall = positives > 0 ? tp / positives : Number.NaN;
  const fpr = negatives > 0 ? fp / negatives : Number.NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : Number.NaN;
  const tnr = 1 - fpr;
  const balancedAccuracy =
    positives > 0 && negatives > 0 ? (recall + tnr) / 2 : positives > 0 ? recall : tnr;
  return { n: scores.length, positives, negatives, precision, recall, f1, fpr, balancedAccuracy };
}

export type RocPoint = { fpr: number; tpr: number; threshold: number };

/** ROC curve from highest to lowest threshold; tied scores move together. */
export function rocCurve(scores: readonly number[], labels: readonly number[]): RocPoint[] {
  const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({
        fpr: negatives > 0 ? fp / negatives : 0,
        tpr: positives > 0 ? tp / positives : 0,
        threshold: scores[i]!,
      });
    }
  }
  return points;
}

export function rocAuc(points: readonly RocPoint[]): number {
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1]!;
    const b = points[k]!;
    area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return area;
}

/** Highest recall reachable with a threshold whose false-positive rate stays within `maxFpr`. */
export function recallAtFpr(points: readonly RocPoint[], maxFpr: number): number {
  let best = 0;
  for (const p of points) if (p.fpr <= maxFpr + 1e-12) best = Math.max(best, p.tpr);
  return best;
}

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}
