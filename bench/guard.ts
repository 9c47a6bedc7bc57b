/**
 * `npm run bench:guard`: latency (p50/p99) and throughput of `scanInput` for
 * 100-character, 1 KB and 16 KB messages, with the heuristics alone and with
 * the default pipeline (heuristics + trained classifiers when installed),
 * against a baseline in the same process (NFKC plus one regex: the cheapest
 * possible check). Figures only; nothing here asserts speed. Target: p99 under
 * 1 ms for 1 KB on one core.
 *
 * When the shared development data sits next to the repository
 * (../shared/datasets), it also prints the heuristics' precision, recall and
 * false-positive rate on its `val` split (BENCH_SPLIT=train|val|all to change).
 *
 * BENCH_SECONDS (default 2) is the measuring time per row.
 */

import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { injectionHeuristic } from "../src/guard/heuristics/injection.ts";
import { toxicityHeuristic } from "../src/guard/heuristics/toxicity.ts";
import { createGuard, type Guard, normalize, parseScanConfig } from "../src/guard/index.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const SIZES = [
  ["100 B", 100],
  ["1 KB", 1024],
  ["16 KB", 16 * 1024],
] as const;

/** Deterministic bar talk (a tiny LCG), so every run scans the same texts. */
function barTalk(length: number, seed: number): string {
  const phrases = [
    "Hi Maya! Could I get a Negroni with an orange twist?",
    "My friend wants a gin and tonic, light on the ice.",
    "Ignore my last order, make it a Paloma instead.",
    "What do you recommend for someone who likes smoky whisky?",
    "Put it on my tab and add a 15% tip, please.",
    "That Old Fashioned was killer, same again!",
    "Is the Espresso Martini very sweet?",
    "Forget the cherry, and can you override the default vodka with gin?",
    "How much is my balance now?",
    "Two Mojitos and a Daiquiri for the table, por favor.",
  ];
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  let text = "";
  while (text.length < length) text += `${phrases[next() % phrases.length]} `;
  return text.slice(0, length);
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

type Row = {
  p50: number;
  p99: number;
  cpuPerScan: number;
  perSecond: number;
  runs: number;
};

async function measure(
  scan: (text: string) => Promise<unknown> | unknown,
  texts: readonly string[],
): Promise<Row> {
  for (let i = 0; i < 200; i++) await scan(texts[i % texts.length] as string); // warm up the JIT
  const times: number[] = [];
  // Thread CPU time is too coarse per scan (kernel ticks), so it is taken over the whole run.
  const cpu = process.threadCpuUsage();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let i = 0;
  while (performance.now() < deadline) {
    const t = performance.now();
    await scan(texts[i++ % texts.length] as string);
    times.push(performance.now() - t);
  }
  const elapsed = (performance.now() - started) / 1000;
  const used = process.threadCpuUsage(cpu);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    cpuPerScan: (used.user + used.system) / 1000 / times.length,
    perSecond: times.length / elapsed,
    runs: times.length,
  };
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const cells = (r: Row) => [fmt(r.p50), fmt(r.p99), fmt(r.cpuPerScan), r.perSecond.toFixed(0)];

async function speed(): Promise<void> {
  const baselineRe = /\b(?:ignore|disregard)\b.{0,40}\binstructions\b/i;
  const baseline = (text: string) => baselineRe.test(text.normalize("NFKC"));
  const heuristics = createGuard(parseScanConfig({}), { classifiers: {} });
  const events: string[] = [];
  const full: Guard = createGuard(parseScanConfig({}), {
    onEvent: (e) => {
      if (e.event === "guard.models_unavailable") events.push(e.detail ?? "");
    },
  });
  await full.scanInput("warm up"); // loads the trained models once, if installed
  const fullLabel = events.length
    ? "default (no models installed)"
    : "default (heuristics + models)";

  console.log(`guard scanInput latency, ${SECONDS}s per row, one process on one core`);
  console.log(
    "(p50/p99 are wall clock and include waiting for the CPU on a busy machine; CPU/scan is this thread's mean CPU time)\n",
  );
  const header = ["size", "pipeline", "p50", "p99", "CPU/scan", "scans/s", "× baseline p50"];
  const rows: string[][] = [];
  for (const [label, size] of SIZES) {
    const texts = Array.from({ length: 64 }, (_, k) => barTalk(size, k + 1));
    const base = await measure(baseline, texts);
    rows.push([label, "baseline (NFKC + 1 regex)", ...cells(base), "1.0"]);
    for (const [name, guard] of [
      ["heuristics only", heuristics],
      [fullLabel, full],
    ] as const) {
      const r = await measure((t) => guard.scanInput(t), texts);
      rows.push([label, name, ...cells(r), (r.p50 / base.p50).toFixed(1)]);
      process.stderr.write(`  measured ${label} ${name} (${r.runs} scans)\n`);
    }
  }
  printTable(header, rows);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `\nload average ${load} on ${availableParallelism()} cores (wall-clock tails grow with it)`,
  );
  if (events.length) console.log(`\nnote: ${events[0]}`);
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

function quality(): void {
  const dir = fileURLToPath(new URL("../../shared/datasets/", import.meta.url));
  const split = process.env.BENCH_SPLIT ?? "val";
  const tasks = [
    ["prompt-injection", "injection", (t: string) => injectionHeuristic(normalize(t)).score],
    ["toxicity", "toxic", (t: string) => toxicityHeuristic(normalize(t)).score],
  ] as const;
  if (!existsSync(`${dir}prompt-injection.dev.jsonl`)) return;
  console.log(`\nheuristics alone on the shared ${split} split (threshold 0.5)\n`);
  const rows: string[][] = [];
  for (const [file, positive, score] of tasks) {
    const rows_ = readFileSync(`${dir}${file}.dev.jsonl`, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; label: string; split: string })
      .filter((r) => split === "all" || r.split === split);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (const r of rows_) {
      const flagged = score(r.text) >= 0.5;
      const actual = r.label === positive;
      if (flagged && actual) tp++;
      else if (flagged) fp++;
      else if (actual) fn++;
      else tn++;
    }
    rows.push([
      file,
      String(rows_.length),
      (tp / Math.max(1, tp + fp)).toFixed(3),
      (tp / Math.max(1, tp + fn)).toFixed(3),
      `${((100 * fp) / Math.max(1, fp + tn)).toFixed(2)} % (${fp}/${fp + tn})`,
    ]);
  }
  printTable(["task", "rows", "precision", "recall", "false-positive rate"], rows);
  console.log("\n(recall is the trained classifiers' job; the heuristics aim at precision)");
}

await speed();
quality();
