/**
 * The on-disk form of trained guard models: one JSON manifest
 * (`models/guard-models.json`: feature settings, per-model bias, scale,
 * calibration, reference scores) and one raw int8 weight file per model.
 */

import type { Stacking } from "./cascade.ts";
import type { FeatureConfig } from "./features.ts";
import type { EvidencePrior, Platt } from "./linear.ts";

export const FORMAT_VERSION = 1;
export const MANIFEST_FILE = "guard-models.json";

export type TaskName = "promptInjection" | "toxicity";

/** Fixed texts with the score the trainer computed for them (tests replay these). */
export type ReferenceScore = { text: string; score: number };

export type ModelEntry = {
  /** Weight file name, relative to the manifest. */
  file: string;
  bytes: number;
  /** SHA-256 of the weight file, hex. */
  sha256: string;
  scale: number;
  bias: number;
  platt: Platt;
  /** Optional low-evidence prior (absent: plain Platt probability). */
  evidence?: EvidencePrior;
  reference: ReferenceScore[];
  /** The optional second stage for uncertain scores (see cascade.ts). */
  cascade?: CascadeEntry;
};

/** A logistic head over a sentence encoder's embeddings, stacked with the fast model. */
export type CascadeEntry = {
  /** The encoder the head was trained on (`USE_LITE_ID`). */
  encoder: string;
  /** Head weights, float32 little-endian, one per embedding dimension. */
  file: string;
  bytes: number;
  sha256: string;
  bias: number;
  stack: Stacking;
  band: [number, number];
  /** Stacked scores of the reference texts, refined whatever their fast score. */
  reference: ReferenceScore[];
};

export type Manifest = {
  format: number;
  features: FeatureConfig;
  /** How texts were normalised before featurising (must match at run time). */
  normalizer: string;
  models: Partial<Record<TaskName, ModelEntry>>;
};

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** Validates a parsed manifest, throwing an error that names the bad field. */
export function checkManifest(value: unknown): Manifest {
  const fail = (field: string): never => {
    throw new Error(`guard model manifest: invalid or missing '${field}'`);
  };
  if (typeof value !== "object" || value === null) return fail("(root)");
  const m = value as Record<string, unknown>;
  if (m.format !== FORMAT_VERSION) fail("format");
  const f = m.features as Record<string, unknown> | undefined;
  for (const key of ["bits", "charMin", "charMax", "wordWeight", "maxChars"]) {
    if (!f || !isFiniteNumber(f[key])) fail(`features.${key}`);
  }
  if (typeof m.normalizer !== "string") fail("normalizer");
  const models = m.models as Record<string, unknown> | undefined;
  if (typeof models !== "object" || models === null) return fail("models");
  for (const [task, raw] of Object.entries(models)) {
    const e = raw as Record<string, unknown>;
    if (typeof e.file !== "string") fail(`models.${task}.file`);
    for (const key of ["bytes", "scale", "bias"]) {
      if (!isFiniteNumber(e[key])) fail(`models.${task}.${key}`);
    }
    const p = e.platt as Record<string, unknown> | undefined;
    if (!p || !isFiniteNumber(p.a) || !isFiniteNumber(p.b)) fail(`models.${task}.platt`);
    const ev = e.evidence as Record<string, unknown> | undefined;
    if (ev !== undefined && (!isFiniteNumber(ev.halfAt) || !isFiniteNumber(ev.priorLogit))) {
      fail(`models.${task}.evidence`);
    }
    if (!Array.isArray(e.reference)) fail(`models.${task}.reference`);
    if (e.cascade !== undefined) checkCascade(e.cascade, `models.${task}.cascade`, fail);
  }
  return value as Manifest;
}

function checkCascade(value: unknown, at: string, fail: (field: string) => never): void {
  if (typeof value !== "object" || value === null) fail(at);
  const c = value as Record<string, unknown>;
  for (const key of ["encoder", "file", "sha256"]) {
    if (typeof c[key] !== "string") fail(`${at}.${key}`);
  }
  for (const key of ["bytes", "bias"]) if (!isFiniteNumber(c[key])) fail(`${at}.${key}`);
  const st = c.stack as Record<string, unknown> | undefined;
  if (!st || !isFiniteNumber(st.a) || !isFiniteNumber(st.b) || !isFiniteNumber(st.c)) {
    fail(`${at}.stack`);
  }
  const [lo, hi, ...rest] = Array.isArray(c.band) ? (c.band as unknown[]) : [];
  if (
    !isFiniteNumber(lo) ||
    !isFiniteNumber(hi) ||
    rest.length > 0 ||
    !(lo >= 0 && lo < hi && hi <= 1)
  ) {
    fail(`${at}.band`);
  }
  if (!Array.isArray(c.reference)) fail(`${at}.reference`);
}
