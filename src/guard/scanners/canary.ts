/**
 * The agent plants a random canary in its system prompt; a reply that contains
 * it (even spaced out, re-cased or encoded) is leaking the prompt.
 */

import { normalize } from "../normalize.ts";
import type { Scanner } from "../types.ts";

const SEPARATORS = /[^\p{L}\p{N}]+/gu;
export const CANARY_PATTERNS: readonly RegExp[] = [SEPARATORS];
const compact = (text: string) => text.toLowerCase().replace(SEPARATORS, "");

// The canary as the normaliser folds it (leet, look-alikes), to find it in decoded payloads.
let lastCanary = "";
let lastFolded = "";
function foldedNeedle(canary: string): string {
  if (canary !== lastCanary) {
    lastFolded = compact(normalize(canary).text);
    lastCanary = canary;
  }
  return lastFolded;
}

export const canaryScanner: Scanner = {
  name: "canary",
  appliesTo: "output",
  enabled: (config) => config.canary !== undefined,
  scan(text, { config, normalized }) {
    const canary = config.canary;
    if (canary === undefined) return { score: 0, valid: true };
    const needle = compact(canary);
    const folded = foldedNeedle(canary);
    const leaked =
      text.includes(canary) ||
      (needle.length >= 6 && compact(text).includes(needle)) ||
      (folded.length >= 6 && compact(normalized.combined).includes(folded));
    return leaked
      ? { score: 1, valid: false, reason: "reply contains the system prompt canary" }
      : { score: 0, valid: true };
  },
};
