/**
 * Loads the committed guard models from `models/` and wraps them as
 * classifiers that share one featuriser (and its one-entry cache, so the
 * injection and toxicity models featurise a message only once).
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Featurizer, type SparseVector } from "./features.ts";
import { checkManifest, MANIFEST_FILE, type Manifest, type TaskName } from "./format.ts";
import { type LinearModel, probability } from "./linear.ts";

/** Same shape as the guard's `Classifier`: a calibrated probability for normalised text. */
export type Classifier = { name: string; score(normalizedText: string): number };

export type LoadedModels = {
  manifest: Manifest;
  featurizer: CachedFeaturizer;
  models: Partial<Record<TaskName, LinearModel>>;
  classifiers: Partial<Record<TaskName, Classifier>>;
};

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL("../../../models/", import.meta.url));

/** Remembers the last text's features: the pipeline asks for both tasks in a row. */
export class CachedFeaturizer {
  readonly inner: Featurizer;
  #lastText: string | undefined;
  #lastVector: SparseVector | undefined;

  constructor(inner: Featurizer) {
    this.inner = inner;
  }

  featurize(text: string): SparseVector {
    if (text === this.#lastText && this.#lastVector) return this.#lastVector;
    const vector = this.inner.featurize(text);
    this.#lastText = text;
    this.#lastVector = vector;
    return vector;
  }
}

const CLASSIFIER_NAMES: Record<TaskName, string> = {
  promptInjection: "promptInjection-model",
  toxicity: "toxicity-model",
};

export function classifierFor(
  task: TaskName,
  model: LinearModel,
  featurizer: CachedFeaturizer,
): Classifier {
  return {
    name: CLASSIFIER_NAMES[task],
    score: (normalizedText: string) => probability(model, featurizer.featurize(normalizedText)),
  };
}

/** Reads and verifies the manifest and weight files in `dir`. Throws on any mismatch. */
export function loadModels(dir: string = DEFAULT_MODEL_DIR): LoadedModels {
  const manifest = checkManifest(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")));
  const featurizer = new CachedFeaturizer(new Featurizer(manifest.features));
  const models: Partial<Record<TaskName, LinearModel>> = {};
  const classifiers: Partial<Record<TaskName, Classifier>> = {};
  for (const task of Object.keys(manifest.models) as TaskName[]) {
    const entry = manifest.models[task]!;
    const bytes = readFileSync(join(dir, entry.file));
    if (bytes.length !== featurizer.inner.size) {
      throw new Error(
        `guard model ${entry.file}: expected ${featurizer.inner.size} weights, found ${bytes.length}`,
      );
    }
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest !== entry.sha256) throw new Error(`guard model ${entry.file}: checksum mismatch`);
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const model: LinearModel = {
      weights,
      scale: entry.scale,
      bias: entry.bias,
      platt: entry.platt,
      ...(entry.evidence ? { evidence: entry.evidence } : {}),
    };
    models[task] = model;
    classifiers[task] = classifierFor(task, model, featurizer);
  }
  return { manifest, featurizer, models, classifiers };
}
