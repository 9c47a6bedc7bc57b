/**
 * Insults, slurs, threats and harassment, in a guest's message or in a reply.
 * Heuristic fused with the trained classifier; reported as `toxicity`.
 */

import { toxicityHeuristic } from "../heuristics/toxicity.ts";
import type { Scanner } from "../types.ts";
import { fusedVerdict } from "./fused.ts";

export const toxicityScanner: Scanner = {
  name: "toxicity",
  appliesTo: "both",
  enabled: (config) => config.toxicityEnabled,
  message: (config) => config.toxicMessage,
  scan: (_text, context) =>
    fusedVerdict(context, {
      kind: "toxicity",
      heuristic: toxicityHeuristic,
      threshold: context.config.toxicityThreshold,
      label: "toxicity",
      unnamedHit: "lexicon",
    }),
};
