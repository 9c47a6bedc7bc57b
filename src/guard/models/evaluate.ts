/**
 * Scores labelled rows and summarises them overall and per source: the
 * numbers `maya eval` and the training script print.
 */

import { sourceId } from "./dataset.ts";
import { atThreshold, recallAtFpr, rocAuc, rocCurve, type ThresholdMetrics } from "./metrics.ts";
import { formatNumber, formatTable } from "./table.ts";

export type Summary = ThresholdMetrics & {
  name: string;
  auc: number;
  recallAt1: number;
  recallAt2: number;
};

export function summarize(
  name: string,
  scores: readonly number[],
  labels: readonly number[],
  threshold: number,
): Summary {
  const roc = rocCurve(scores, labels);
  const both = labels.includes(1) && labels.includes(0);
  return {
    name,
    ...atThreshold(scores, labels, threshold),
    auc: both ? rocAuc(roc) : Number.NaN,
    recallAt1: both ? recallAtFpr(roc, 0.01) : Number.NaN,
    recallAt2: both ? recallAtFpr(roc, 0.02) : Number.NaN,
  };
}

/** Overall first, then one row per source (sources of one class show recall or FPR only). */
export function summarizeBySource(
  rows: readonly { source: string; label: number }[],
  scores: readonly number[],
  threshold: number,
  overallName = "overall",
): Summary[] {
  const labels = rows.map((r) => r.label);
  const out = [summarize(overallName, scores, labels, threshold)];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const id = sourceId(r.source);
    if (!groups.has(id)) groups.set(id, []);
    groups.get(id)!.push(i);
  });
  for (const [id, idx] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      summarize(
        id,
        idx.map((i) => scores[i]!),
        idx.map((i) => labels[i]!),
        threshold,
      ),
    );
  }
  return out;
}

export function summaryTable(summaries: readonly Summary[]): string {
  const headers = [
    "source",
    "n",
    "pos",
    "prec",
    "recall",
    "F1",
    "FPR",
    "bal.acc",
    "R@1%",
    "R@2%",
    "AUC",
  ];
  const rows = summaries.map((s) => [
    s.name,
    String(s.n),
    String(s.positives),
    formatNumber(s.precision),
    formatNumber(s.recall),
    formatNumber(s.f1),
    formatNumber(s.fpr),
    formatNumber(s.balancedAccuracy),
    formatNumber(s.recallAt1),
    formatNumber(s.recallAt2),
    formatNumber(s.auc),
  ]);
  return formatTable(headers, rows);
}
