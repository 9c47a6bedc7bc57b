/**
 * A self-contained HTML evaluation report (inline SVG, no scripts, no CDN):
 * the metrics table, the ROC curve and score histograms by class.
 */

import type { Summary } from "./evaluate.ts";
import type { RocPoint } from "./metrics.ts";
import { formatNumber } from "./table.ts";

export type ReportInput = {
  title: string;
  subtitle: string;
  summaries: readonly Summary[];
  roc: readonly RocPoint[];
  scores: readonly number[];
  labels: readonly number[];
  threshold: number;
  latency: { p50: number; p99: number };
};

const W = 420;
const H = 320;
const PAD = 44;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function x(v: number): number {
  return PAD + v * (W - PAD - 12);
}
function y(v: number): number {
  return H - PAD - v * (H - PAD - 12);
}

function axes(xLabel: string, yLabel: string): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<text x="${x(t)}" y="${H - PAD + 16}" text-anchor="middle">${t}</text>` +
        `<text x="${PAD - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>` +
        `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" class="grid"/>` +
        `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" class="grid"/>`,
    )
    .join("");
  return (
    `<rect x="${x(0)}" y="${y(1)}" width="${x(1) - x(0)}" height="${y(0) - y(1)}" class="frame"/>${ticks}` +
    `<text x="${(x(0) + x(1)) / 2}" y="${H - 8}" text-anchor="middle">${xLabel}</text>` +
    `<text x="12" y="${(y(0) + y(1)) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(y(0) + y(1)) / 2})">${yLabel}</text>`
  );
}

/** The ROC curve with FPR shown up to `maxFpr` (1: the whole curve; 0.05: the low-FPR end). */
function rocSvg(roc: readonly RocPoint[], maxFpr: number, label: string): string {
  const fx = (fpr: number) => x(Math.min(fpr, maxFpr) / maxFpr);
  const shown = roc.filter((_, i) => i === 0 || roc[i - 1]!.fpr <= maxFpr);
  const path = shown
    .map((p, i) => `${i ? "L" : "M"}${fx(p.fpr).toFixed(1)},${y(p.tpr).toFixed(1)}`)
    .join("");
  const xLabel = maxFpr === 1 ? "false-positive rate" : `false-positive rate (axis 0 to ${maxFpr})`;
  return (
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}">` +
    `${axes(xLabel, "recall (true-positive rate)")}` +
    `<line x1="${x(0)}" y1="${y(0)}" x2="${fx(1)}" y2="${y(Math.min(1, maxFpr))}" class="chance"/>` +
    `<line x1="${fx(0.01)}" y1="${y(0)}" x2="${fx(0.01)}" y2="${y(1)}" class="mark"/>` +
    `<path d="${path}" class="roc"/></svg>`
  );
}

function histogramSvg(
  scores: readonly number[],
  labels: readonly number[],
  threshold: number,
): string {
  const bins = 20;
  const counts = [new Array<number>(bins).fill(0), new Array<number>(bins).fill(0)];
  scores.forEach((s, i) => {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    const row = counts[labels[i] === 1 ? 1 : 0]!;
    row[b] = row[b]! + 1;
  });
  // Each class is drawn as a share of its own size, so a small class stays visible.
  const totals = counts.map((c) =>
    Math.max(
      1,
      c.reduce((a, b) => a + b, 0),
    ),
  );
  const max = Math.max(...counts.flatMap((c, k) => c.map((n) => n / totals[k]!)), 1e-9);
  const bw = (x(1) - x(0)) / bins;
  const bars = counts
    .map((row, k) =>
      row
        .map((n, b) => {
          const h = (n / totals[k]! / max) * (y(0) - y(1));
          const left = x(b / bins) + (k === 1 ? bw / 2 : 0);
          return `<rect x="${left.toFixed(1)}" y="${(y(0) - h).toFixed(1)}" width="${(bw / 2 - 1).toFixed(1)}" height="${h.toFixed(1)}" class="${k === 1 ? "pos" : "neg"}"><title>${n}</title></rect>`;
        })
        .join(""),
    )
    .join("");
  return (
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="score histogram">` +
    `${axes("score", "share of class")}${bars}` +
    `<line x1="${x(threshold)}" y1="${y(0)}" x2="${x(threshold)}" y2="${y(1)}" class="mark"/></svg>`
  );
}

function tableHtml(summaries: readonly Summary[]): string {
  const head = [
    "source",
    "n",
    "pos",
    "precision",
    "recall",
    "F1",
    "FPR",
    "bal. acc.",
    "R@1% FPR",
    "R@2% FPR",
    "ROC AUC",
  ];
  const rows = summaries.map(
    (s) =>
      `<tr><th>${escapeHtml(s.name)}</th>${[s.n, s.positives].map((v) => `<td>${v}</td>`).join("")}${[
        s.precision,
        s.recall,
        s.f1,
        s.fpr,
        s.balancedAccuracy,
        s.recallAt1,
        s.recallAt2,
        s.auc,
      ]
        .map((v) => `<td>${formatNumber(v)}</td>`)
        .join("")}</tr>`,
  );
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export function renderReport(input: ReportInput): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}
th:first-child{text-align:left}svg{margin:.5rem 1rem .5rem 0;font-size:11px}
.frame{fill:none;stroke:#888}.grid{stroke:#eee}.chance{stroke:#bbb;stroke-dasharray:4 4}
.mark{stroke:#d33;stroke-dasharray:3 3}.roc{fill:none;stroke:#1565c0;stroke-width:2}
.pos{fill:#c62828}.neg{fill:#1565c0}.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em}
.legend .pos{background:#c62828}.legend .neg{background:#1565c0}
</style></head><body>
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(input.subtitle)}</p>
<p>Latency per text: p50 ${input.latency.p50.toFixed(3)} ms, p99 ${input.latency.p99.toFixed(3)} ms. Threshold ${input.threshold}.</p>
${tableHtml(input.summaries)}
<h2>ROC curve and score distribution</h2>
<p class="legend">Histogram: <span class="neg"></span>negative <span class="pos"></span>positive; dashed red line: 1% FPR (ROC) and the threshold (histogram).</p>
${rocSvg(input.roc, 1, "ROC curve")}${rocSvg(input.roc, 0.05, "ROC curve, FPR up to 5%")}${histogramSvg(input.scores, input.labels, input.threshold)}
</body></html>
`;
}
