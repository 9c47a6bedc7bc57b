/**
 * Characters a reader cannot see but a model reads: format controls (zero-width,
 * bidi overrides, Unicode tags), private-use, unassigned, lone surrogates, and
 * C0/C1 controls other than tab and newlines. Unicode tag characters
 * (U+E0020..U+E007E) mirror ASCII and are a known way to smuggle instructions,
 * so their hidden ASCII is recovered for scanning.
 */

export type InvisibleScan = {
  /** The text without invisible characters. */
  visible: string;
  /** How many were removed. */
  removed: number;
  /** Bidi controls among them (U+202A..U+202E, U+2066..U+2069, U+200E/F, U+061C). */
  bidi: number;
  /** ASCII spelled by Unicode tag characters, if any. */
  tagText: string;
};

const INVISIBLE = /[\p{Cf}\p{Co}\p{Cn}\p{Cs}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
export const INVISIBLE_PATTERNS: readonly RegExp[] = [INVISIBLE, PICTOGRAPHIC];

const ZWJ = 0x200d;
const VARIATION_SELECTOR_16 = 0xfe0f;

function isBidi(c: number): boolean {
  return (
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c
  );
}

/** Fast path: plain printable ASCII (plus tab/newlines) has nothing to remove. */
function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 9 && c !== 10 && c !== 13)) return false;
  }
  return true;
}

const BLACK_FLAG = 0x1f3f4;

function inFlag(chars: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k > i - 8; k--) {
    const c = chars[k]?.codePointAt(0) ?? 0;
    if (c === BLACK_FLAG) return true;
    if (c < 0xe0020 || c > 0xe007e) return false;
  }
  return false;
}

export function scanInvisible(text: string): InvisibleScan {
  if (isPlainAscii(text)) return { visible: text, removed: 0, bidi: 0, tagText: "" };
  const chars = Array.from(text); // splits by code point; lone surrogates stay single items
  let visible = "";
  let removed = 0;
  let bidi = 0;
  let tagText = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const c = ch.codePointAt(0) ?? 0;
    if (!INVISIBLE.test(ch)) {
      visible += ch;
      continue;
    }
    // Keep the zero-width joiner inside emoji sequences (👩‍🍳): it is how they are spelled.
    if (c === ZWJ) {
      const prev = chars[i - 1]?.codePointAt(0) ?? 0;
      const next = chars[i + 1] ?? "";
      const prevOk = prev === VARIATION_SELECTOR_16 || PICTOGRAPHIC.test(chars[i - 1] ?? "");
      if (prevOk && PICTOGRAPHIC.test(next)) {
        visible += ch;
        continue;
      }
    }
    // Tag characters after a black flag spell a subdivision flag (🏴 + "gbeng" + cancel tag).
    if (c >= 0xe0020 && c <= 0xe007f && inFlag(chars, i)) {
      visible += ch;
      continue;
    }
    removed++;
    if (isBidi(c)) bidi++;
    if (c >= 0xe0020 && c <= 0xe007e) tagText += String.fromCharCode(c - 0xe0000);
  }
  return { visible, removed, bidi, tagText };
}
