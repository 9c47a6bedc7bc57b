/**
 * Personal data a chat does not need: card numbers (Luhn-checked), e-mail
 * addresses and phone numbers are redacted in both directions.
 */

import type { Scanner } from "../types.ts";

// Bounded quantifiers and look-behinds keep each match attempt constant-time.
const CARD = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;
const PHONE = /(?<![\w+])\+?(?:\(\d{1,4}\)|\d)[\d ().-]{7,20}\d(?![\w])/g;
export const PII_PATTERNS: readonly RegExp[] = [CARD, EMAIL, PHONE];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 9 || digits.length > 15) return false;
  // One kind of separator (besides an area code in brackets), no decimals like "12.50 13.50".
  const separators = new Set(candidate.replace(/^\+?\(\d+\) ?/, "").replace(/[\d+]/g, ""));
  if (separators.size > 1) return false;
  if (/(?:^|[ .-])\d\.\d|\.\d{2}(?:\s|$)/.test(candidate) && !candidate.startsWith("+"))
    return false;
  return !/ {2}|\.\.|--/.test(candidate);
}

export function redactPii(text: string): { text: string; kinds: string[] } {
  const kinds = new Set<string>();
  let out = text.replace(CARD, (match) => {
    const digits = match.replace(/\D/g, "");
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return match;
    kinds.add("card");
    return "[redacted:card]";
  });
  if (out.includes("@")) {
    out = out.replace(EMAIL, () => {
      kinds.add("email");
      return "[redacted:email]";
    });
  }
  out = out.replace(PHONE, (match) => {
    if (!looksLikePhone(match)) return match;
    kinds.add("phone");
    return "[redacted:phone]";
  });
  return { text: out, kinds: [...kinds] };
}

export const piiScanner: Scanner = {
  name: "pii",
  appliesTo: "both",
  enabled: (config) => config.redactPii,
  scan(text) {
    const { text: redacted, kinds } = redactPii(text);
    if (kinds.length === 0) return { score: 0, valid: true };
    return { score: 1, valid: true, sanitized: redacted, reason: `redacted ${kinds.join(", ")}` };
  },
};
