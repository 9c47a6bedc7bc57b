/**
 * Loads the committed guard models from `models/` and wraps them as
 * classifiers that share one featuriser (and its one-entry cache, so the
 * injection and toxicity models featurise a message only once).
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Classifier } from "../types.ts";
import { brokenRefiner, type CascadeHead, cascadeRefiner } from "./cascade.ts";
import { Featurizer, type SparseVector } from "./features.ts";
import {
  type CascadeEntry,
  checkManifest,
  MANIFEST_FILE,
  type Manifest,
  type TaskName,
} from "./format.ts";
import { type LinearModel, probability } from "./linear.ts";
import { loadSentenceEncoder, type SentenceEncoder } from "./sentence-encoder.ts";

export type { Classifier };

export type LoadedModels = {
  manifest: Manifest;
  featurizer: CachedFeaturizer;
  models: Partial<Record<TaskName, LinearModel>>;
  /** Second-stage heads, by task (only toxicity has one). */
  cascades: Partial<Record<TaskName, CascadeHead>>;
  classifiers: Partial<Record<TaskName, Classifier>>;
};

/** What a classifier's cascade is built from: a head and its encoder, or why the head is unusable. */
type CascadeSetup =
  | { head: CascadeHead; encoder: () => Promise<SentenceEncoder> }
  | { problem: string };

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
  cascade?: CascadeSetup,
): Classifier {
  const refinerName = `${task}-cascade`;
  return {
    name: CLASSIFIER_NAMES[task],
    score: (normalizedText: string) => probability(model, featurizer.featurize(normalizedText)),
    ...(cascade && {
      refiner:
        "problem" in cascade
          ? brokenRefiner(refinerName, cascade.problem)
          : cascadeRefiner(refinerName, cascade.head, cascade.encoder),
    }),
  };
}

/** Reads and verifies one head's weights (float32 little-endian). */
function readCascadeHead(dir: string, entry: CascadeEntry): CascadeHead {
  const bytes = readFileSync(join(dir, entry.file));
  if (bytes.length !== entry.bytes || bytes.length % 4 !== 0) {
    throw new Error(
      `guard cascade ${entry.file}: expected ${entry.bytes} bytes, found ${bytes.length}`,
    );
  }
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== entry.sha256) throw new Error(`guard cascade ${entry.file}: checksum mismatch`);
  const weights = new Float32Array(bytes.length / 4);
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readFloatLE(i * 4);
  return {
    encoder: entry.encoder,
    weights,
    bias: entry.bias,
    stack: entry.stack,
    band: entry.band,
  };
}

/**
 * Reads and verifies the manifest and weight files in `dir`. Throws on any
 * mismatch of the fast models; a damaged cascade head only breaks the cascade.
 */
export function loadModels(dir: string = DEFAULT_MODEL_DIR): LoadedModels {
  const manifest = checkManifest(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")));
  const featurizer = new CachedFeaturizer(new Featurizer(manifest.features));
  const models: Partial<Record<TaskName, LinearModel>> = {};
  const classifiers: Partial<Record<TaskName, Classifier>> = {};
  const cascades: Partial<Record<TaskName, CascadeHead>> = {};
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
    let cascade: CascadeSetup | undefined;
    if (entry.cascade) {
      try {
        const head = readCascadeHead(dir, entry.cascade);
        cascades[task] = head;
        cascade = { head, encoder: loadSentenceEncoder };
      } catch (error) {
        cascade = { problem: error instanceof Error ? error.message : String(error) };
      }
    }
    classifiers[task] = classifierFor(task, model, featurizer, cascade);
  }
  return { manifest, featurizer, models, cascades, classifiers };
}
