/**
 * What the prompt-injection and toxicity scanners share: a heuristic score
 * fused with the trained classifier (when present), reported as `<kind>`, with
 * `<kind>Heuristic` and `<kind>Model` beside it.
 */

import { type FusionKind, fuseScores } from "../fusion.ts";
import { highestModelScore, type NormalizedText } from "../normalize.ts";
import type { ScanContext, ScannerVerdict } from "../types.ts";

export type FusedCheck = {
  kind: FusionKind;
  heuristic(normalized: NormalizedText): { score: number; reason: string | null };
  threshold: number;
  /** Start of the reason ("toxicity"), and what a heuristic hit without a named rule is called. */
  label: string;
  unnamedHit: string;
};

export function fusedVerdict(context: ScanContext, check: FusedCheck): ScannerVerdict {
  const normalized = context.normalized;
  const heuristic = check.heuristic(normalized);
  const model = highestModelScore(normalized, (text) => context.classify(check.kind, text));
  const score = fuseScores(check.kind, heuristic.score, model);
  const details: Record<string, number> = { [`${check.kind}Heuristic`]: heuristic.score };
  if (model !== undefined) details[`${check.kind}Model`] = model;
  const valid = score < check.threshold;
  const reason = valid
    ? undefined
    : heuristic.score >= (model ?? 0)
      ? `${check.label}: ${heuristic.reason ?? check.unnamedHit}`
      : `${check.label}: classifier`;
  return { score, valid, reason, details };
}
