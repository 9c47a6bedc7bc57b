/**
 * The guard's shared vocabulary: what a scan returns, what a scanner is, and
 * what a trained classifier looks like when it plugs in under the heuristics.
 */

import type { ScanConfig } from "./config.ts";
import type { NormalizedText } from "./normalize.ts";

export type Direction = "input" | "output";

/** What `scanInput` / `scanOutput` return. `blockedReason` is always safe to show to the guest. */
export type ScanResult = {
  isValid: boolean;
  /** Input: the text with secrets/PII redacted and invisible characters stripped. Blocked output: the fallback reply. */
  sanitizedText: string;
  /** The user-facing sentence for a blocked text (Maya's voice), or null when it passed. */
  blockedReason: string | null;
  /** Score (0..1) of every scanner that ran, by name; `promptInjection` and `toxicity` are the combined scores. */
  scannerScores: Record<string, number>;
  /** Name of the scanner that blocked, or null. */
  blockedBy: string | null;
  /** One line per scanner (or classifier) that failed, `name: message`. */
  errors: string[];
  /** Wall-clock time of the scan in milliseconds. */
  ms: number;
};

/** A calibrated probability model over normalised text (see `normalize`). */
export type Classifier = {
  name: string;
  score(normalizedText: string): number;
  /** A slower second opinion for scores this classifier is unsure of (the cascade). */
  refiner?: Refiner;
};

/**
 * The cascade's second stage: asked only when `wants(score)` (an uncertain
 * fast score), it returns a refined probability for the text as written.
 */
export type Refiner = {
  name: string;
  wants(score: number): boolean;
  refine(originalText: string, score: number): Promise<RefinedScore>;
  /** Loads the second stage now, so the first uncertain message does not wait for it. */
  warmUp(): Promise<void>;
};

/** `score` replaces the fast one; `second` is the second stage's own probability, for the record. */
export type RefinedScore = { score: number; second: number };

export type ClassifierSet = { promptInjection?: Classifier; toxicity?: Classifier };

/** What a scanner sees besides the text itself. Built once per scan. */
export type ScanContext = {
  readonly direction: Direction;
  /** The guest's message, when scanning a reply to it. */
  readonly prompt: string | undefined;
  readonly config: ScanConfig;
  /** The ORIGINAL text, normalised (computed on first access, then shared by every scanner). */
  readonly normalized: NormalizedText;
  /** A classifier's probability for the normalised text, or undefined when models are off, absent or failing. */
  classify(kind: keyof ClassifierSet, text: string): number | undefined;
};

export type ScannerVerdict = {
  /** Risk in [0, 1]. */
  score: number;
  valid: boolean;
  /** The text with this scanner's redactions applied (only when it changed something). */
  sanitized?: string;
  /** Short technical reason for logs and events; never contains the scanned text. */
  reason?: string;
  /** Extra sub-scores to report (for example the heuristic part of a fused score). */
  details?: Record<string, number>;
};

export type Scanner = {
  name: string;
  appliesTo: Direction | "both";
  /** Whether the scanner runs under this configuration; a disabled scanner reports no score. */
  enabled?(config: ScanConfig): boolean;
  /** The guest-facing sentence when this scanner blocks input (defaults to the generic one). */
  message?(config: ScanConfig): string;
  scan(text: string, context: ScanContext): ScannerVerdict;
};

export type GuardEventName =
  | "guard.input_blocked"
  | "guard.output_blocked"
  | "guard.redacted"
  | "guard.scanner_error"
  | "guard.models_unavailable";

/** Sent to `onEvent`: names, scores and short reasons only, never the scanned text. */
export type GuardEvent = {
  event: GuardEventName;
  direction: Direction | null;
  scanner: string | null;
  scores: Record<string, number>;
  detail: string | null;
};
