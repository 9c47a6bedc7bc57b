/** Shared fixtures for the guard tests: a heuristics-only guard and small scanner doubles. */

import {
  createGuard,
  type GuardOptions,
  parseScanConfig,
  type ScanConfigInput,
  type Scanner,
} from "../../src/guard/index.ts";

/** A guard that never loads trained models, so these tests pin the heuristic layer. */
export function heuristicGuard(config: ScanConfigInput = {}, options: GuardOptions = {}) {
  return createGuard(parseScanConfig(config), { classifiers: {}, ...options });
}

export function throwingScanner(
  name = "exploding",
  appliesTo: Scanner["appliesTo"] = "both",
): Scanner {
  return {
    name,
    appliesTo,
    scan() {
      throw new Error("boom");
    },
  };
}
