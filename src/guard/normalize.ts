/**
 * Normalisation before classification, so that disguises fold back to the plain
 * words the scanners (and the trained classifiers) know:
 * invisible characters removed and flagged, NFKC, lower case, homoglyphs folded,
 * accents dropped, leetspeak folded, stretched letters shortened, spaced-out
 * letters joined, and base64/hex/percent/ROT13/tag-character payloads decoded.
 *
 * Deterministic and idempotent on `text`: normalize(normalize(x).text).text === normalize(x).text.
 */

import { foldConfusables } from "./confusables.ts";
import { type DecodedSegment, decodeSegments, type Encoding } from "./decode.ts";
import { scanInvisible } from "./invisible.ts";

export type { DecodedSegment, Encoding } from "./decode.ts";

export type NormalizationFlags = {
  /** Invisible characters removed (zero-width, bidi, tags, private-use, controls, lone surrogates). */
  invisible: number;
  bidi: number;
  /** Characters folded from look-alike scripts. */
  confusables: number;
  /** Digits/symbols read as letters ("1gn0r3" → "ignore"). */
  leet: number;
  /** Encodings whose payload was decoded into `decoded`. */
  encodings: Encoding[];
};

export type NormalizedText = {
  /** The folded visible text. */
  text: string;
  /** Hidden payloads, each folded the same way as `text`. */
  decoded: DecodedSegment[];
  flags: NormalizationFlags;
  /** `text` followed by every decoded payload, one per line: what classifiers read. */
  combined: string;
};

// Leet symbols are folded only inside a word that has letters: "h4ck", "sh!t", "@ss".
const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "€": "e",
};
// Only words holding a leet symbol; the look-behind starts each match at a word start (linear).
const LEET_WORD = /(?<![a-z0-9@$!€])[a-z0-9@$!€]*[0-9@$!€][a-z0-9@$!€]*/g;
const HAS_LEET = /[0-9@$!€]/;
const HAS_LETTER = /[a-z]/;
const WORD = /[^\s\p{P}\p{S}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const STRETCHED = /([a-z])\1{2,}/g;
// "f u c k", "i.g.n.o.r.e": three or more single letters joined by one and the
// same separator, so the article in "a c-u-n-t" stays a word of its own.
const SPACED_LETTERS = /(?<![a-z0-9])[a-z]([ .\-_*])[a-z](?![a-z0-9])(?:\1[a-z](?![a-z0-9]))+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const WHITESPACE_RUN = /[ \t\f\v\u00a0\u2000-\u200a\u2028\u2029\u3000]+/g;
const BLANK_LINES = /\n[\s]*\n/g;

export const NORMALIZE_PATTERNS: readonly RegExp[] = [
  LEET_WORD,
  WORD,
  NON_ASCII,
  COMBINING_MARKS,
  STRETCHED,
  SPACED_LETTERS,
  WHITESPACE_RUN,
  BLANK_LINES,
  SINGLE_QUOTES,
  DOUBLE_QUOTES,
];

function foldLeetWord(word: string, counter: { leet: number }): string {
  let core = word;
  let tail = "";
  while (core.endsWith("!")) {
    core = core.slice(0, -1);
    tail += "!";
  }
  if (!HAS_LETTER.test(core) || !HAS_LEET.test(core)) return word;
  let out = "";
  for (const ch of core) {
    const letter = LEET[ch];
    if (letter !== undefined) counter.leet++;
    out += letter ?? ch;
  }
  return out + tail;
}

/** Cheap pre-check for STRETCHED: three equal letters in a row. */
function hasTripleLetter(t: string): boolean {
  for (let i = 2; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === t.charCodeAt(i - 1) && c === t.charCodeAt(i - 2)) return true;
  }
  return false;
}

/**
 * The text-only part of normalisation (no decoding): used for the text and each payload.
 * Confusable folding decides per word and leet folding can turn a foreign-looking word
 * into a mixed one ("ϳ$a" → "ϳsa" → "jsa"), so non-ASCII text is folded again until
 * it stops changing; that keeps normalisation idempotent. Bounded at four passes
 * (in fuzzing, two always sufficed); ASCII-only text takes one.
 */
function fold(visible: string, counter: { confusables: number; leet: number }): string {
  let t = foldOnce(visible, counter);
  for (let pass = 0; pass < 3 && NON_ASCII.test(t); pass++) {
    const again = foldOnce(t, counter);
    if (again === t) break;
    t = again;
  }
  return t;
}

function foldOnce(visible: string, counter: { confusables: number; leet: number }): string {
  let t = visible.normalize("NFKC").toLowerCase();
  if (NON_ASCII.test(t)) {
    t = t.normalize("NFD").replace(COMBINING_MARKS, "").normalize("NFC");
    const folded = foldConfusables(t, WORD);
    counter.confusables += folded.folded;
    t = folded.text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  }
  if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
  // Spaced-out words first, while a wider gap still marks where a word ends:
  // "d u m p   y o u r" is "dump your", not "dumpyour".
  t = joinSpacedLetters(t);
  t = t.replace(WHITESPACE_RUN, " ");
  if (t.includes("\n")) t = t.replace(BLANK_LINES, "\n").replace(/ ?\n ?/g, "\n");
  t = t.trim();
  if (HAS_LEET.test(t)) t = t.replace(LEET_WORD, (word) => foldLeetWord(word, counter));
  // Shorten stretched letters, join spaced ones, then shorten again ("f u u u c k").
  if (hasTripleLetter(t)) t = t.replace(STRETCHED, "$1");
  const joined = joinSpacedLetters(t);
  return joined === t || !hasTripleLetter(joined) ? joined : joined.replace(STRETCHED, "$1");
}

function joinSpacedLetters(t: string): string {
  return t.replace(SPACED_LETTERS, (run) => run.replace(/[ .\-_*]/g, ""));
}

export function normalize(text: string): NormalizedText {
  const invisible = scanInvisible(text);
  const counter = { confusables: 0, leet: 0 };
  const compat = invisible.visible.normalize("NFKC");
  const folded = fold(compat, counter);

  const hidden = decodeSegments(compat);
  if (invisible.tagText) hidden.push({ encoding: "tags", text: invisible.tagText });
  const decoded: DecodedSegment[] = [];
  for (const segment of hidden) {
    const inner = fold(scanInvisible(segment.text).visible, counter);
    if (inner && inner !== folded) decoded.push({ encoding: segment.encoding, text: inner });
  }
  const encodings = [...new Set(decoded.map((d) => d.encoding))];
  return {
    text: folded,
    decoded,
    flags: {
      invisible: invisible.removed,
      bidi: invisible.bidi,
      confusables: counter.confusables,
      leet: counter.leet,
      encodings,
    },
    combined: decoded.length ? [folded, ...decoded.map((d) => d.text)].join("\n") : folded,
  };
}

/**
 * The highest classifier score over what the models read: the folded text with
 * its decoded payloads appended (the form they were trained on), and each
 * payload on its own. A short payload drowns in the n-grams of its own
 * encoding ("muppet bot" in base64 scores 0.02 inside the message and 0.82
 * plainly), so reading it alone makes a hidden payload score at least as high
 * as the same words sent openly. `undefined` when `score` gives no score.
 */
export function highestModelScore<S extends number | undefined>(
  normalized: NormalizedText,
  score: (text: string) => S,
): S {
  let highest = score(normalized.combined);
  for (const segment of normalized.decoded) {
    if (highest === undefined) break;
    const alone = score(segment.text);
    if (alone !== undefined && alone > highest) highest = alone;
  }
  return highest;
}
