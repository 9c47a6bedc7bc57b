import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares two secrets in constant time. Both sides are hashed first so that
 * neither the content nor the length of the expected secret leaks through timing.
 */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Key names whose values are never logged, whatever object they sit in. */
export const SECRET_KEY_PATTERN =
  /(secret|token|password|passwd|api[-_]?key|authorization|cookie|signature|credential|private[-_]?key|sid)$/i;

/** Value shapes that are secrets wherever they appear (a scrub for free text). */
const SECRET_VALUE_PATTERN =
  /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}|\bwhsec_[A-Za-z0-9]{8,}|\bsk-[A-Za-z0-9_-]{16,}|\bAKIA[0-9A-Z]{16}\b|\bAIza[0-9A-Za-z_-]{30,}|\bgh[pousr]_[A-Za-z0-9]{20,}|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** Replaces secret-shaped substrings of free text with a marker. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_VALUE_PATTERN, "[REDACTED]");
}
