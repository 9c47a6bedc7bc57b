/**
 * How a heuristic score and a trained classifier's probability become the one
 * score reported as `promptInjection` / `toxicity`. One small function, so the
 * models engineer can tune it in one place.
 *
 * Evidence adds up in log-odds: the classifier's calibrated log-odds, plus the
 * heuristic's log-odds (shifted by +1) whenever the heuristic leans towards a
 * block (above about 0.27). Two weak signals together can block; a confident
 * classifier can outvote a middling pattern hit ("new instructions: less ice"),
 * and a near-certain heuristic (>= 0.95: explicit override, role tokens) blocks
 * on its own. Measured on the shared val split and our own val rows against
 * the earlier noisy-OR: same or better recall at 1 % / 2 % FPR for both tasks,
 * fewer false alarms on trigger-word bar talk (see models/MODEL_CARD.md).
 * Without a classifier the heuristic stands alone. Monotone in both inputs.
 */

import { logit, sigmoid } from "./models/linear.ts";

export type FusionKind = "promptInjection" | "toxicity";

const HEURISTIC_ALONE_BLOCKS = 0.95;

export function fuseScores(
  _kind: FusionKind,
  heuristic: number,
  model: number | undefined,
): number {
  const h = clamp01(heuristic);
  if (model === undefined || !Number.isFinite(model)) return h;
  const m = clamp01(model);
  const fused = sigmoid(logit(m) + Math.max(0, logit(h) + 1));
  return h >= HEURISTIC_ALONE_BLOCKS ? Math.max(h, fused) : fused;
}

export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, x));
}

/** Scores are reported to four decimals: enough to compare, short to read. */
export function roundScore(x: number): number {
  return Math.round(clamp01(x) * 10_000) / 10_000;
}
