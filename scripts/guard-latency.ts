/**
 * Latency of the guard's trained models: load time, and p50/p99 per 1 KB
 * message for the models alone (normalise + both classifiers) and for the
 * whole default input pipeline (normalise + heuristics + models); then the
 * optional toxicity cascade: the sentence encoder's load time, the cost of
 * one message it is asked about, and how many messages it is asked about.
 *
 *   node scripts/guard-latency.ts
 */

import { readFileSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { createGuard, defaultScanConfig, normalize } from "../src/guard/index.ts";
import { DEFAULT_MODEL_DIR, loadModels } from "../src/guard/models/index.ts";
import { percentile } from "../src/guard/models/metrics.ts";
import { loadSentenceEncoder } from "../src/guard/models/sentence-encoder.ts";
import { formatTable } from "../src/guard/models/table.ts";
import { BAR_TALK, FRESH_BAR_TALK, TRIGGER_WORD_BENIGN } from "../test/guard/models/probes.ts";

const ITERATIONS = 3000;

/** Distinct ~1 KB messages built from our own data rows (bar talk, attacks, documents). */
function messages(count: number, file = "prompt-injection.generated.jsonl"): string[] {
  const rows = readFileSync(join(import.meta.dirname, "../data", file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const out: string[] = [];
  for (let i = 0; out.length < count; i += 7) {
    let text = "";
    for (let k = 0; text.length < 1024; k++) text += `${rows[(i + k * 13) % rows.length]} `;
    out.push(text.slice(0, 1024));
  }
  return out;
}

function timeIt(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const loadTimes = Array.from({ length: 5 }, () => timeIt(() => loadModels()));
const { classifiers } = loadModels();
const texts = messages(500);

/** Mean CPU time per call in ms: steadier than wall-clock percentiles on a busy machine. */
function cpuPerCall(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / ITERATIONS;
}

// Warm-up (JIT, caches) outside the timed loops, so p99 is the steady state.
const WARM_UP = 500;
const scoreModels = (text: string) => {
  const combined = normalize(text).combined;
  classifiers.promptInjection!.score(combined);
  classifiers.toxicity!.score(combined);
};
for (let i = 0; i < WARM_UP; i++) scoreModels(texts[i % texts.length]!);

let cpu = process.cpuUsage();
const modelOnly: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  const text = texts[i % texts.length]!;
  modelOnly.push(timeIt(() => scoreModels(text)));
}

const modelOnlyCpu = cpuPerCall(cpu);

const guard = createGuard(defaultScanConfig);
for (let i = 0; i < WARM_UP; i++) await guard.scanInput(texts[i % texts.length]!);
cpu = process.cpuUsage();
const pipeline: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  const text = texts[i % texts.length]!;
  const started = performance.now();
  await guard.scanInput(text);
  pipeline.push(performance.now() - started);
}

const pipelineCpu = cpuPerCall(cpu);

const heuristicsOnly = createGuard(defaultScanConfig, { classifiers: {} });
for (let i = 0; i < WARM_UP; i++) await heuristicsOnly.scanInput(texts[i % texts.length]!);
cpu = process.cpuUsage();
const heuristic: number[] = [];
for (let i = 0; i < ITERATIONS; i++) {
  const text = texts[i % texts.length]!;
  const started = performance.now();
  await heuristicsOnly.scanInput(text);
  heuristic.push(performance.now() - started);
}

const heuristicCpu = cpuPerCall(cpu);

// The cascade: how many texts it is asked about (uncertain toxicity, and no
// earlier scanner blocked), and what one such scan costs.
const barTalk = [...BAR_TALK, ...FRESH_BAR_TALK, ...TRIGGER_WORD_BENIGN];
const encoderStarted = performance.now();
await loadSentenceEncoder();
const encoderLoadMs = performance.now() - encoderStarted;
const cascadeGuard = createGuard({ ...defaultScanConfig, toxicityCascade: true });
async function askedAbout(list: readonly string[]): Promise<string[]> {
  const asked: string[] = [];
  for (const text of list) {
    const result = await cascadeGuard.scanInput(text);
    if (result.scannerScores.toxicityCascade !== undefined) asked.push(text);
  }
  return asked;
}
const CASCADE_ITERATIONS = 200;
/** Wall-clock times of scans that all take the second opinion. */
async function cascadeTimes(list: readonly string[]): Promise<number[]> {
  if (list.length === 0) return [Number.NaN];
  const times: number[] = [];
  for (let i = 0; i < CASCADE_ITERATIONS; i++) {
    const started = performance.now();
    await cascadeGuard.scanInput(list[i % list.length]!);
    times.push(performance.now() - started);
  }
  return times;
}
// Our injection-data messages are blocked before toxicity or are confident, so
// the long case is measured on messages built from the toxicity rows.
const longAsked = await askedAbout(messages(300, "toxicity.generated.jsonl"));
const shortAsked = await askedAbout(barTalk);
const cascadeLong = await cascadeTimes(longAsked);
const cascadeShort = await cascadeTimes(shortAsked);

const weightBytes = [
  "prompt-injection.i8",
  "toxicity.i8",
  "toxicity-cascade.f32",
  "guard-models.json",
]
  .map((f) => statSync(join(DEFAULT_MODEL_DIR, f)).size)
  .reduce((a, b) => a + b, 0);
const ms = (v: number) => `${v.toFixed(3)} ms`;
process.stdout.write(
  `${formatTable(
    ["measure", "p50", "p99", "CPU/call"],
    [
      [
        "load models (first, then worst reload)",
        ms(loadTimes[0]!),
        ms(Math.max(...loadTimes.slice(1))),
        "-",
      ],
      [
        "models only, 1 KB (normalise + 2 classifiers)",
        ms(percentile(modelOnly, 0.5)),
        ms(percentile(modelOnly, 0.99)),
        ms(modelOnlyCpu),
      ],
      [
        "scanInput heuristics only, 1 KB",
        ms(percentile(heuristic, 0.5)),
        ms(percentile(heuristic, 0.99)),
        ms(heuristicCpu),
      ],
      [
        "scanInput default pipeline, 1 KB",
        ms(percentile(pipeline, 0.5)),
        ms(percentile(pipeline, 0.99)),
        ms(pipelineCpu),
      ],
      ["cascade: load the sentence encoder (once)", ms(encoderLoadMs), "-", "-"],
      [
        "cascade: scanInput, 1 KB message it is asked about",
        ms(percentile(cascadeLong, 0.5)),
        ms(percentile(cascadeLong, 0.99)),
        "-",
      ],
      [
        "cascade: scanInput, bar-talk message it is asked about",
        ms(percentile(cascadeShort, 0.5)),
        ms(percentile(cascadeShort, 0.99)),
        "-",
      ],
    ],
  )}\n\ncascade: second opinion asked for ${((shortAsked.length / barTalk.length) * 100).toFixed(1)} % of ${barTalk.length} bar-talk probes and ${longAsked.length} of 300 1 KB messages from the toxicity rows; such a bar-talk message costs ${(percentile(cascadeShort, 0.5) / percentile(pipeline, 0.5)).toFixed(0)}× the default 1 KB p50\n\nmodel files on disk: ${(weightBytes / 1024).toFixed(0)} KB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores\n`,
);
