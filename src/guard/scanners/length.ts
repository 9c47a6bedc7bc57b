/** Refuses input too long to be a chat message, by characters and by estimated model tokens. */

import type { Scanner } from "../types.ts";

const WORD = /[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

/** A cheap upper-ish estimate of model tokens: ~4 characters per token within words, one per symbol. */
export function estimateTokens(text: string): number {
  if (!/[^\x00-\x7f]/.test(text)) return estimateAsciiTokens(text);
  let tokens = 0;
  for (const m of text.matchAll(WORD)) tokens += Math.ceil(m[0].length / 4);
  return tokens;
}

/** The same estimate without a regex, for the common all-ASCII message. */
function estimateAsciiTokens(text: string): number {
  let tokens = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (word) {
      run++;
      continue;
    }
    if (run > 0) tokens += Math.ceil(run / 4);
    run = 0;
    if (c !== 32 && (c < 9 || c > 13)) tokens++;
  }
  return run > 0 ? tokens + Math.ceil(run / 4) : tokens;
}

export const LENGTH_PATTERNS: readonly RegExp[] = [WORD];

export const lengthScanner: Scanner = {
  name: "length",
  appliesTo: "input",
  message: (config) => config.tooLongMessage,
  scan(text, { config }) {
    if (text.length > config.maxInputChars) {
      return { score: 1, valid: false, reason: `longer than ${config.maxInputChars} characters` };
    }
    const tokens = estimateTokens(text);
    const score = Math.max(text.length / config.maxInputChars, tokens / config.maxTokens);
    if (tokens > config.maxTokens) {
      return { score: 1, valid: false, reason: `more than ${config.maxTokens} estimated tokens` };
    }
    return { score: Math.min(1, score), valid: true };
  },
};
