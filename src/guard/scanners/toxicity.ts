/**
 * Insults, slurs, threats and harassment, in a guest's message or in a reply.
 * Heuristic fused with the trained classifier; reported as `toxicity`.
 */

import { fuseScores } from "../fusion.ts";
import { toxicityHeuristic } from "../heuristics/toxicity.ts";
import type { Scanner } from "../types.ts";

export const toxicityScanner: Scanner = {
  name: "toxicity",
  appliesTo: "both",
  enabled: (config) => config.toxicityEnabled,
  message: (config) => config.toxicMessage,
  scan(_text, context) {
    const normalized = context.normalized;
    const heuristic = toxicityHeuristic(normalized);
    const model = context.classify("toxicity", normalized.combined);
    const score = fuseScores("toxicity", heuristic.score, model);
    const details: Record<string, number> = { toxicityHeuristic: heuristic.score };
    if (model !== undefined) details.toxicityModel = model;
    const valid = score < context.config.toxicityThreshold;
    const reason = valid
      ? undefined
      : heuristic.score >= (model ?? 0)
        ? `toxicity: ${heuristic.reason ?? "lexicon"}`
        : "toxicity: classifier";
    return { score, valid, reason, details };
  },
};
