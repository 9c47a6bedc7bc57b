/**
 * Hashed n-gram features for the guard's linear classifiers.
 *
 * A text becomes a sparse, L2-normalised vector over `2^bits` buckets:
 * character 3–5-grams (robust to spelling, inflection and other languages)
 * plus word unigrams and bigrams (phrases like "ignore previous"). Each n-gram
 * is hashed (FNV-1a + murmur finaliser) to a bucket and a sign, so no
 * vocabulary is stored and unseen words still land somewhere sensible.
 * Everything runs over UTF-16 code units without allocating substrings.
 */

export type FeatureConfig = {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Inclusive range of character n-gram lengths. */
  charMin: number;
  charMax: number;
  /** Relative weight of word features against character features. */
  wordWeight: number;
  /** Longer texts keep their head and tail (injections hide at either end). */
  maxChars: number;
};

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  bits: 19,
  charMin: 3,
  charMax: 5,
  wordWeight: 1,
  maxChars: 16384,
};

export type SparseVector = { indices: Int32Array; values: Float32Array };

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SEED = 0x9747b28c;
const BIGRAM_SALT = 0x5bd1e995;

function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

// Runs of base64/hex-like characters carry no words, only noise n-grams; the
// guard's normaliser decodes such payloads separately (into the text we get), so drop them.
// A run is a blob when it is very long, or long with too few vowels for a word
// (English words of 16+ letters are about 35-45 % vowels; base64 about 20-30 %).
const BLOB_CANDIDATE = /[a-z0-9+/=_-]{16,}/g;
const VOWELS = /[aeiou]/g;

function collapseBlob(run: string): string {
  const vowels = run.match(VOWELS)?.length ?? 0;
  const ratio = vowels / run.length;
  const blob = run.length >= 28 || (run.length >= 20 ? ratio < 0.34 : ratio < 0.25);
  return blob ? " " : run;
}

/** Lower-case, collapse whitespace and blobs: the form every feature is read from. */
export function canonicalText(text: string, maxChars: number): string {
  let t = text.toLowerCase().replace(BLOB_CANDIDATE, collapseBlob).replace(/\s+/g, " ").trim();
  if (t.length > maxChars) {
    const half = maxChars >> 1;
    t = `${t.slice(0, half)} ${t.slice(t.length - half)}`;
  }
  return t;
}

const WORD = /[\p{L}\p{N}_']+/gu;

/**
 * A reusable featuriser: one dense scratch buffer and a list of touched
 * buckets, so featurising costs O(length) with no per-call allocation beyond
 * the result.
 */
export class Featurizer {
  readonly config: FeatureConfig;
  readonly size: number;
  readonly #mask: number;
  readonly #scratch: Float32Array;
  readonly #touched: Int32Array;
  #touchedCount = 0;

  constructor(config: FeatureConfig = DEFAULT_FEATURE_CONFIG) {
    if (!Number.isInteger(config.bits) || config.bits < 8 || config.bits > 24) {
      throw new RangeError(`feature bits must be an integer in [8, 24], got ${config.bits}`);
    }
    this.config = config;
    this.size = 1 << config.bits;
    this.#mask = this.size - 1;
    this.#scratch = new Float32Array(this.size);
    this.#touched = new Int32Array(this.size);
  }

  #add(hash: number, weight: number): void {
    const h = fmix32(hash);
    const index = h & this.#mask;
    const value = h & 0x80000000 ? -weight : weight;
    if (this.#scratch[index] === 0) this.#touched[this.#touchedCount++] = index;
    // A signed collision can cancel to exactly 0; nudge it so the bucket stays tracked.
    this.#scratch[index] = this.#scratch[index]! + value || 1e-30;
  }

  featurize(text: string): SparseVector {
    const { charMin, charMax, wordWeight, maxChars } = this.config;
    const t = canonicalText(text, maxChars);
    this.#touchedCount = 0;

    // Character n-grams over " text ", so word boundaries are part of the grams.
    const padded = ` ${t} `;
    const n = padded.length;
    for (let i = 0; i + charMin <= n; i++) {
      let h = FNV_OFFSET;
      const end = Math.min(n, i + charMax);
      for (let j = i; j < end; j++) {
        h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
        if (j - i + 1 >= charMin) this.#add(h, 1);
      }
    }

    // Word unigrams and bigrams.
    let previous = 0;
    let havePrevious = false;
    for (const match of t.matchAll(WORD)) {
      const word = match[0];
      let h = WORD_SEED;
      for (let j = 0; j < word.length; j++) h = Math.imul(h ^ word.charCodeAt(j), FNV_PRIME);
      this.#add(h, wordWeight);
      if (havePrevious) this.#add(Math.imul(previous ^ BIGRAM_SALT, FNV_PRIME) ^ h, wordWeight);
      previous = fmix32(h);
      havePrevious = true;
    }

    return this.#drain();
  }

  #drain(): SparseVector {
    const count = this.#touchedCount;
    // First-touch order (deterministic for a text); sorting would cost more than the dot product saves.
    const indices = this.#touched.slice(0, count);
    const values = new Float32Array(count);
    let norm = 0;
    for (let k = 0; k < count; k++) {
      const v = this.#scratch[indices[k]!]!;
      norm += v * v;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < count; k++) {
      const index = indices[k]!;
      values[k] = this.#scratch[index]! * scale;
      this.#scratch[index] = 0;
    }
    return { indices, values };
  }
}
