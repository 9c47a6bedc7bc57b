/**
 * Prompt injection and jailbreaks: the heuristic score fused with the trained
 * classifier (when present). Reported as `promptInjection`; the heuristic part
 * alone as `promptInjectionHeuristic`.
 */

import { fuseScores } from "../fusion.ts";
import { injectionHeuristic } from "../heuristics/injection.ts";
import type { Scanner } from "../types.ts";

export const promptInjectionScanner: Scanner = {
  name: "promptInjection",
  appliesTo: "input",
  enabled: (config) => config.promptInjectionEnabled,
  message: (config) => config.injectionMessage,
  scan(_text, context) {
    const normalized = context.normalized;
    const heuristic = injectionHeuristic(normalized);
    const model = context.classify("promptInjection", normalized.combined);
    const score = fuseScores("promptInjection", heuristic.score, model);
    const details: Record<string, number> = { promptInjectionHeuristic: heuristic.score };
    if (model !== undefined) details.promptInjectionModel = model;
    const valid = score < context.config.promptInjectionThreshold;
    const reason = valid
      ? undefined
      : heuristic.score >= (model ?? 0)
        ? `prompt injection: ${heuristic.reason ?? "pattern"}`
        : "prompt injection: classifier";
    return { score, valid, reason, details };
  },
};
