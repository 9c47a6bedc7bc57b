/**
 * One training run for one task: featurise, hold back a calibration slice,
 * fit the logistic model, quantise it, fit Platt scaling on the held-back
 * slice with the quantised margins. Shared by `train-guard.ts` and its
 * leave-one-source-out mode.
 */

import { createHash } from "node:crypto";
import type { LabelledRow } from "../src/guard/models/dataset.ts";
import type { Featurizer, SparseVector } from "../src/guard/models/features.ts";
import { type LinearModel, margin, quantize } from "../src/guard/models/linear.ts";
import { fitPlatt, trainLogistic } from "../src/guard/models/trainer.ts";

export type FitOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Percent of the training rows held back for calibration. */
  calibrationPercent: number;
  /** A source group of n rows weighs n^groupPower in total (1: every row equal; 0.5: square root). */
  groupPower: number;
  /**
   * The share of each class's weight that the shared sources get together
   * (the rest goes to our own `maya:` rows), so adding families of our own
   * cannot drown the shared data. Undefined: no split, groups weigh as above.
   */
  sharedShare?: number;
  /** NB-SVM style: scale features by their log-count ratio while training (0: off; the value is the interpolation towards 1). */
  nbWeight?: number;
  log?: (line: string) => void;
};

export const DEFAULT_FIT_OPTIONS: FitOptions = {
  epochs: 6,
  learningRate: 0.2,
  l2: 1e-6,
  seed: 1729,
  calibrationPercent: 15,
  groupPower: 0.5,
};

export type Example = LabelledRow & { x: SparseVector; group: string };

/** A stable 0–99 bucket from the text, so the calibration slice never changes between runs. */
export function textBucket(text: string): number {
  return createHash("sha1").update(text).digest().readUInt32BE(0) % 100;
}

export function featurizeRows(
  rows: readonly (LabelledRow & { group: string })[],
  featurizer: Featurizer,
  normalize: (text: string) => string,
): Example[] {
  return rows.map((row) => ({ ...row, x: featurizer.featurize(normalize(row.text)) }));
}

const isOwn = (group: string) => group.startsWith("maya");

/**
 * Example weights: each class gets the same total weight, and within a class
 * a source group's weight grows with its size to the power `groupPower`
 * (below 1, so one big source cannot drown the small families). With
 * `sharedShare`, the shared sources of a class get that share of its weight
 * together and our own rows the rest (when the class has both).
 */
export function exampleWeights(
  examples: readonly Example[],
  groupPower: number,
  sharedShare?: number,
): number[] {
  const groupCounts = new Map<string, number>();
  for (const e of examples) {
    const key = `${e.label}|${e.group}`;
    groupCounts.set(key, (groupCounts.get(key) ?? 0) + 1);
  }
  const raw = examples.map((e) => groupCounts.get(`${e.label}|${e.group}`)! ** (groupPower - 1));
  // Totals per class, and per class and origin (shared or ours).
  const totals = new Map<string, number>();
  const add = (key: string, w: number) => totals.set(key, (totals.get(key) ?? 0) + w);
  examples.forEach((e, i) => {
    add(`${e.label}`, raw[i]!);
    add(`${e.label}|${isOwn(e.group)}`, raw[i]!);
  });
  const n = examples.length;
  return examples.map((e, i) => {
    const classWeight = n / 2;
    const own = isOwn(e.group);
    const originTotal = totals.get(`${e.label}|${own}`)!;
    const otherTotal = totals.get(`${e.label}|${!own}`) ?? 0;
    if (sharedShare === undefined || otherTotal === 0) {
      return (raw[i]! * classWeight) / Math.max(totals.get(`${e.label}`)!, 1e-12);
    }
    const share = own ? 1 - sharedShare : sharedShare;
    return (raw[i]! * classWeight * share) / originTotal;
  });
}

/** The model, and the two halves of its rows: the ones it was fitted on and the held-back calibration slice. */
export type FitResult = { model: LinearModel; fitRows: Example[]; calibration: Example[] };

export function fitModel(
  examples: readonly Example[],
  dim: number,
  options: FitOptions,
): FitResult {
  const fitRows = examples.filter((e) => textBucket(e.text) >= options.calibrationPercent);
  const calibration = examples.filter((e) => textBucket(e.text) < options.calibrationPercent);
  const nb = options.nbWeight ? logCountRatio(fitRows, dim, options.nbWeight) : undefined;
  const xs = fitRows.map((e) => (nb ? scaleVector(e.x, nb) : e.x));
  const trained = trainLogistic(
    xs,
    fitRows.map((e) => e.label),
    exampleWeights(fitRows, options.groupPower, options.sharedShare),
    {
      dim,
      epochs: options.epochs,
      learningRate: options.learningRate,
      l2: options.l2,
      seed: options.seed,
      onEpoch: (epoch, loss) =>
        options.log?.(`  epoch ${epoch}/${options.epochs}  loss ${loss.toFixed(4)}`),
    },
  );
  if (nb) for (let j = 0; j < dim; j++) trained.weights[j] = trained.weights[j]! * nb[j]!;
  const q = quantize(trained.weights);
  const uncalibrated: LinearModel = { ...q, bias: trained.bias, platt: { a: 1, b: 0 } };
  const platt = fitPlatt(
    calibration.map((e) => margin(uncalibrated, e.x)),
    calibration.map((e) => e.label),
  );
  return { model: { ...uncalibrated, platt }, fitRows, calibration };
}

/** Per-bucket |log-count ratio| (Wang & Manning 2012), interpolated towards 1 by (1 - beta). */
function logCountRatio(examples: readonly Example[], dim: number, beta: number): Float64Array {
  const pos = new Float64Array(dim).fill(1);
  const neg = new Float64Array(dim).fill(1);
  for (const e of examples) {
    const target = e.label === 1 ? pos : neg;
    for (let k = 0; k < e.x.indices.length; k++) {
      const j = e.x.indices[k]!;
      target[j] = target[j]! + Math.abs(e.x.values[k]!);
    }
  }
  let sp = 0;
  let sn = 0;
  for (let j = 0; j < dim; j++) {
    sp += pos[j]!;
    sn += neg[j]!;
  }
  const r = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    const ratio = Math.abs(Math.log(pos[j]! / sp / (neg[j]! / sn)));
    r[j] = 1 - beta + beta * ratio;
  }
  return r;
}

function scaleVector(x: SparseVector, r: Float64Array): SparseVector {
  const values = new Float32Array(x.values.length);
  for (let k = 0; k < values.length; k++) values[k] = x.values[k]! * r[x.indices[k]!]!;
  return { indices: x.indices, values };
}
