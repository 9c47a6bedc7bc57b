/**
 * Finds text hidden in base64, hex, binary, percent-encoding or ROT13 so the scanners
 * read it too. Only decodings that come out as readable text are kept.
 * Every pattern here is linear: bounded or unambiguous quantifiers only.
 */

import { Buffer } from "node:buffer";

export type Encoding = "base64" | "hex" | "binary" | "percent" | "rot13" | "tags";
export type DecodedSegment = { encoding: Encoding; text: string };

const MAX_SEGMENTS = 16;
const MAX_DECODED_CHARS = 65_536;

// Sixteen characters or more, or six or more closed by "=" padding (a short
// payload such as a two-word insult: without padding, a run that short reads
// as a word or an identifier).
const BASE64_RUN =
  /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/_-]{16,}={0,2}|[A-Za-z0-9+/_-]{6,15}={1,2})/g;
const HEX_RUN = /(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{2}){8,}(?![0-9A-Fa-f])/g;
const ESCAPED_HEX_RUN = /(?:\\x[0-9A-Fa-f]{2}){4,}/g;
// Eight-bit groups, spaced or not ("01001001 01100111 …"): four bytes or more.
const BINARY_RUN = /(?<![01])(?:[01]{8} ?){4,}/g;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/g;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

export const DECODE_PATTERNS: readonly RegExp[] = [
  BASE64_RUN,
  HEX_RUN,
  ESCAPED_HEX_RUN,
  BINARY_RUN,
  PERCENT_ESCAPE,
  PERCENT_RUN,
];

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Readable: valid UTF-8, mostly printable, with some letters. */
function readable(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  let printable = 0;
  let letters = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c !== 127 && !(c >= 0x80 && c < 0xa0))) {
      printable++;
    }
    if (/\p{L}/u.test(ch)) letters++;
  }
  const length = [...text].length;
  if (printable / length < 0.95 || letters / length < 0.5) return undefined;
  return text;
}

function decodeBase64(run: string): string | undefined {
  const body = run.replace(/=+$/, "");
  // A base64 run of plain letters is usually just a long word; require the
  // character mix real encodings have.
  if (!/[0-9+/_-]/.test(body) && !(/[A-Z]/.test(body) && /[a-z]/.test(body))) return undefined;
  if (body.length % 4 === 1) return undefined;
  return readable(Buffer.from(body, "base64"));
}

function decodeHex(run: string): string | undefined {
  return readable(Buffer.from(run, "hex"));
}

function decodeBinary(run: string): string | undefined {
  const bits = run.replace(/ /g, "");
  const bytes = new Uint8Array(bits.length >> 3);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return readable(bytes);
}

function decodePercentRun(run: string): string {
  const bytes = Buffer.from(run.replace(/%/g, ""), "hex");
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString("latin1");
  }
}

const ROT13_CUES = new Set([
  "the",
  "you",
  "your",
  "and",
  "all",
  "to",
  "of",
  "is",
  "are",
  "me",
  "now",
  "what",
  "this",
  "that",
  "ignore",
  "previous",
  "instructions",
  "system",
  "prompt",
  "rules",
  "forget",
  "disregard",
  "reveal",
  "password",
  "secret",
  "tell",
  "say",
  "with",
  "for",
  "not",
  "fuck",
  "kill",
  "free",
  "drinks",
]);

export function rot13(text: string): string {
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) codes[i] = ((c - 84) % 26) + 97;
    else if (c >= 65 && c <= 90) codes[i] = ((c - 52) % 26) + 65;
    else codes[i] = c;
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}

function cueStats(lowerText: string): { cues: number; words: number } {
  let cues = 0;
  let words = 0;
  for (const word of lowerText.split(/[^a-z]+/)) {
    if (!word) continue;
    words++;
    if (ROT13_CUES.has(word)) cues++;
  }
  return { cues, words };
}

/** ROT13 is invisible to pattern matching; keep the rotated text when it reads more like English. */
/** English uses "e" far more than "r"; ROT13 swaps them. A quick letter count rules most text out. */
function mayBeRot13(text: string): boolean {
  let e = 0;
  let r = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) letters++;
    if (c === 101) e++;
    else if (c === 114) r++;
  }
  if (letters < 8) return false; // too little Latin text to hide a sentence in
  return e + r < 12 || r > e;
}

function decodeRot13(text: string): string | undefined {
  if (text.length > MAX_DECODED_CHARS || !mayBeRot13(text)) return undefined;
  const lower = text.toLowerCase();
  const before = cueStats(lower);
  // Already reads like English (common words everywhere): nothing hidden by rotation.
  if (before.words === 0 || before.cues / before.words > 0.12) return undefined;
  const rotated = rot13(lower);
  const after = cueStats(rotated).cues;
  return after >= 2 && after > before.cues * 2 ? rotated : undefined;
}

const isHexCode = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isBinaryCode = (c: number) => c === 48 || c === 49;
const isBase64Code = (c: number) =>
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 43 ||
  c === 47 ||
  c === 45 ||
  c === 95;

/** A cheap pre-check: does the text hold `length` consecutive characters of this kind? */
function hasRun(text: string, length: number, accepts: (code: number) => boolean): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = accepts(text.charCodeAt(i)) ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

/** Every readable hidden segment in `text` (case-preserved, after NFKC). */
export function decodeSegments(text: string): DecodedSegment[] {
  const found: DecodedSegment[] = [];
  let budget = MAX_DECODED_CHARS;
  const add = (encoding: Encoding, decoded: string | undefined) => {
    if (decoded === undefined || found.length >= MAX_SEGMENTS || budget <= 0) return;
    const clipped = decoded.slice(0, budget);
    budget -= clipped.length;
    found.push({ encoding, text: clipped });
  };
  if (hasRun(text, 16, isBase64Code) || (text.includes("=") && hasRun(text, 6, isBase64Code))) {
    for (const m of text.matchAll(BASE64_RUN)) add("base64", decodeBase64(m[0]));
  }
  // Readable text in hex always has digits ("69676e..."); most messages have none worth a scan.
  if (hasRun(text, 16, isHexCode))
    for (const m of text.matchAll(HEX_RUN)) add("hex", decodeHex(m[0]));
  if (hasRun(text, 8, isBinaryCode))
    for (const m of text.matchAll(BINARY_RUN)) add("binary", decodeBinary(m[0]));
  if (text.includes("\\x"))
    for (const m of text.matchAll(ESCAPED_HEX_RUN)) add("hex", decodeHex(m[0].replace(/\\x/g, "")));
  let escapes = 0;
  for (const _ of text.matchAll(PERCENT_ESCAPE)) if (++escapes >= 3) break;
  if (escapes >= 3) add("percent", text.replace(PERCENT_RUN, decodePercentRun));
  add("rot13", decodeRot13(text));
  return found;
}
