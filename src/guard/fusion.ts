/**
 * How a heuristic score and a trained classifier's probability become the one
 * score reported as `promptInjection` / `toxicity`. One small function, so the
 * models engineer can tune it in one place.
 *
 * Noisy-OR: either signal alone can block (the heuristics fire on explicit,
 * high-precision patterns; the classifier catches what they miss), and two
 * weak signals together add up. Without a classifier the heuristic stands alone.
 */

export type FusionKind = "promptInjection" | "toxicity";

export function fuseScores(
  _kind: FusionKind,
  heuristic: number,
  model: number | undefined,
): number {
  const h = clamp01(heuristic);
  if (model === undefined || !Number.isFinite(model)) return h;
  const m = clamp01(model);
  return 1 - (1 - h) * (1 - m);
}

export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, x));
}

/** Scores are reported to four decimals: enough to compare, short to read. */
export function roundScore(x: number): number {
  return Math.round(clamp01(x) * 10_000) / 10_000;
}
