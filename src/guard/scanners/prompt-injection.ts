/**
 * Prompt injection and jailbreaks: the heuristic score fused with the trained
 * classifier (when present). Reported as `promptInjection`; the heuristic part
 * alone as `promptInjectionHeuristic`.
 */

import { injectionHeuristic } from "../heuristics/injection.ts";
import type { Scanner } from "../types.ts";
import { fusedVerdict } from "./fused.ts";

export const promptInjectionScanner: Scanner = {
  name: "promptInjection",
  appliesTo: "input",
  enabled: (config) => config.promptInjectionEnabled,
  message: (config) => config.injectionMessage,
  scan: (_text, context) =>
    fusedVerdict(context, {
      kind: "promptInjection",
      heuristic: injectionHeuristic,
      threshold: context.config.promptInjectionThreshold,
      label: "prompt injection",
      unnamedHit: "pattern",
    }),
};
