/**
 * The agent plants a random canary in its system prompt; a reply that contains
 * it (even spaced out, re-cased or encoded) is leaking the prompt.
 */

import type { Scanner } from "../types.ts";

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

export const canaryScanner: Scanner = {
  name: "canary",
  appliesTo: "output",
  enabled: (config) => config.canary !== undefined,
  scan(text, { config, normalized }) {
    const canary = config.canary;
    if (canary === undefined) return { score: 0, valid: true };
    const needle = compact(canary);
    const leaked =
      text.includes(canary) ||
      (needle.length >= 6 &&
        (compact(text).includes(needle) || compact(normalized.combined).includes(needle)));
    return leaked
      ? { score: 1, valid: false, reason: "reply contains the system prompt canary" }
      : { score: 0, valid: true };
  },
};
