/**
 * `maya eval`: measures the guard's prompt-injection or toxicity scoring on
 * labelled JSON lines and writes an HTML report (ROC curve, histograms).
 *
 *   maya eval --task prompt-injection --data FILE.jsonl [--scorer guard|model|heuristic]
 *             [--split val] [--threshold 0.5] [--report FILE.html] [--cascade]
 *
 * `guard` (default) is the shipped score: heuristics fused with the model.
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  createGuard,
  defaultScanConfig,
  defaultScanners,
  highestModelScore,
  isTask,
  type LabelledRow,
  loadDefaultClassifiers,
  normalize,
  parseLabelledJsonl,
  percentile,
  renderReport,
  rocCurve,
  summarizeBySource,
  summaryTable,
  type Task,
} from "../guard/index.ts";

const USAGE = `Usage: maya eval --task prompt-injection|toxicity --data FILE.jsonl [options]

Options:
  --scorer guard|model|heuristic  what to score (default guard: heuristics fused with the model)
  --split NAME                    only rows with this split (default: all rows)
  --threshold X                   decision threshold in [0,1] (default 0.5)
  --report FILE                   HTML report path (default reports/eval-<task>-<scorer>.html)
  --cascade                       toxicity: turn on the cascade (a sentence encoder's second
                                  opinion on uncertain scores; see models/MODEL_CARD.md)
`;

type Scorer = "guard" | "model" | "heuristic";
type Scoring = {
  ready(): Promise<void>;
  score(text: string): Promise<number>;
  /** Rows whose scan named a failing scanner, classifier or cascade in `errors`. */
  failedRows(): number;
};

const SCORE_NAME: Record<Task, "promptInjection" | "toxicity"> = {
  "prompt-injection": "promptInjection",
  toxicity: "toxicity",
};

function fail(message: string): number {
  process.stderr.write(`maya eval: ${message}\n\n${USAGE}`);
  return 2;
}

/**
 * The scorer for one task. The guard variants run only that task's scanner.
 * With the cascade, the encoder loads before the first row and the deadline is
 * generous, so a busy machine cannot quietly turn rows into fast-only scores;
 * rows whose scan still reported an error are counted.
 */
function makeScorer(task: Task, scorer: Scorer, cascade: boolean): Scoring {
  const name = SCORE_NAME[task];
  let failedRows = 0;
  if (scorer === "model") {
    const classifier = loadDefaultClassifiers()[name];
    if (!classifier) throw new Error(`no trained ${name} model in models/`);
    return {
      ready: async () => {},
      score: async (text) => highestModelScore(normalize(text), classifier.score),
      failedRows: () => failedRows,
    };
  }
  const guard = createGuard(
    { ...defaultScanConfig, toxicityCascade: cascade, cascadeTimeoutMs: 60_000 },
    {
      scanners: defaultScanners.filter((s) => s.name === name),
      ...(scorer === "heuristic" ? { classifiers: {} } : {}),
    },
  );
  return {
    ready: () => guard.ready(),
    score: async (text) => {
      const result = await guard.scanInput(text);
      if (result.errors.length > 0) failedRows++;
      return result.scannerScores[name] ?? 0;
    },
    failedRows: () => failedRows,
  };
}

export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        task: { type: "string" },
        data: { type: "string" },
        scorer: { type: "string", default: "guard" },
        split: { type: "string" },
        threshold: { type: "string", default: "0.5" },
        report: { type: "string" },
        cascade: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const task = String(values.task ?? "");
  if (!isTask(task)) return fail("--task must be prompt-injection or toxicity");
  if (typeof values.data !== "string") return fail("--data FILE.jsonl is required");
  const scorer = String(values.scorer);
  if (scorer !== "guard" && scorer !== "model" && scorer !== "heuristic") {
    return fail("--scorer must be guard, model or heuristic");
  }
  const threshold = Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    return fail("--threshold must be a number in [0, 1]");
  }

  let content: string;
  try {
    content = readFileSync(values.data, "utf8");
  } catch (error) {
    return fail(
      `cannot read ${values.data}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseLabelledJsonl(content, task);
  if (!parsed.ok) return fail(`${values.data}:${parsed.line}: ${parsed.message}`);
  const rows: LabelledRow[] =
    typeof values.split === "string"
      ? parsed.rows.filter((r) => r.split === values.split)
      : parsed.rows;
  if (rows.length === 0) return fail(`no rows to evaluate in ${values.data}`);
  const labels = rows.map((r) => r.label);
  if (!labels.includes(0) && !labels.includes(1)) return fail("no labelled rows");

  const cascade = values.cascade === true;
  if (cascade && (task !== "toxicity" || scorer !== "guard")) {
    return fail("--cascade applies to --task toxicity with the guard scorer");
  }
  const scoring = makeScorer(task, scorer, cascade);
  try {
    await scoring.ready();
  } catch (error) {
    return fail(
      `cannot load the cascade: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await scoring.score("warm-up"); // compiles patterns outside the timed loop
  const scores: number[] = [];
  const latencies: number[] = [];
  const step = Math.max(1, Math.floor(rows.length / 10));
  // One line rewritten in place on a terminal; one line per step in a log.
  const [lead, trail] = process.stderr.isTTY ? ["\r", ""] : ["", "\n"];
  for (let i = 0; i < rows.length; i++) {
    const started = performance.now();
    scores.push(await scoring.score(rows[i]!.text));
    latencies.push(performance.now() - started);
    if ((i + 1) % step === 0 || i + 1 === rows.length) {
      process.stderr.write(`${lead}scored ${i + 1}/${rows.length}${trail}`);
    }
  }
  if (process.stderr.isTTY) process.stderr.write("\n");

  const summaries = summarizeBySource(rows, scores, threshold);
  const label = cascade ? `${scorer}-cascade` : scorer;
  const latency = { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
  process.stdout.write(
    `${task} · scorer ${label} · threshold ${threshold} · ${values.data}\n\n${summaryTable(summaries)}\n\n` +
      `latency per text: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms\n` +
      (scoring.failedRows() > 0
        ? `warning: ${scoring.failedRows()} rows scanned with a failing part (see the guard's errors); their scores lack it\n`
        : ""),
  );

  const reportPath = resolve(
    values.report ? String(values.report) : `reports/eval-${task}-${label}.html`,
  );
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(
    reportPath,
    renderReport({
      title: `maya eval: ${task} (${label})`,
      subtitle: `${rows.length} rows from ${values.data}${values.split ? `, split ${values.split}` : ""}`,
      summaries,
      roc: rocCurve(scores, labels),
      scores,
      labels,
      threshold,
      latency,
    }),
  );
  process.stdout.write(`report: ${reportPath}\n`);
  return 0;
}
