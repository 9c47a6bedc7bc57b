/**
 * Trained classifiers for the guard: prompt injection and toxicity.
 *
 * `loadDefaultClassifiers()` reads the committed weights under `models/` once
 * (lazily, on first call) and returns calibrated classifiers that score text
 * already passed through the guard's `normalize`.
 */

import { type Classifier, type LoadedModels, loadModels } from "./loader.ts";

export type { FeatureConfig, SparseVector } from "./features.ts";
export { DEFAULT_FEATURE_CONFIG, Featurizer } from "./features.ts";
export type { Manifest, ModelEntry, ReferenceScore, TaskName } from "./format.ts";
export type { LinearModel, Platt } from "./linear.ts";
export type { Classifier, LoadedModels } from "./loader.ts";
export { DEFAULT_MODEL_DIR, loadModels } from "./loader.ts";

export type DefaultClassifiers = { promptInjection?: Classifier; toxicity?: Classifier };

let cached: LoadedModels | undefined;

/** The committed models, loaded on first use and shared afterwards. Throws if the files are broken. */
export function loadDefaultModels(): LoadedModels {
  cached ??= loadModels();
  return cached;
}

export function loadDefaultClassifiers(): DefaultClassifiers {
  return loadDefaultModels().classifiers;
}
