/**
 * Sentence embeddings for training the toxicity cascade, cached on disk under
 * `.cache/guard-embeddings/` (git-ignored): the encoder takes about 25 ms per
 * text, so the first `npm run train:guard` spends a few minutes here and the
 * next ones a second. The cache is keyed by encoder and by SHA-1 of the text,
 * and only ever appended to.
 *
 * Texts are embedded one at a time, as the guard does at run time: a batch
 * changes the last bits of an embedding (up to 7e-8), which would make the
 * head's bytes depend on what the cache already held.
 */

import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadSentenceEncoder } from "../src/guard/models/sentence-encoder.ts";

const CACHE_ROOT = resolve(import.meta.dirname, "../.cache/guard-embeddings");
const BATCH = 1;
const PROGRESS_EVERY = 1024;
const KEY = /^[0-9a-f]{40}$/;

const keyOf = (text: string) => createHash("sha1").update(text).digest("hex");

export type EmbeddingTable = { id: string; dims: number; get(text: string): Float32Array };

/** Embeds every text (from the cache where possible) and returns a lookup by text. */
export async function embedTexts(
  texts: readonly string[],
  log: (line: string) => void,
): Promise<EmbeddingTable> {
  const encoder = await loadSentenceEncoder();
  const dir = join(CACHE_ROOT, `${encoder.id.replace(/[^a-z0-9.@-]+/gi, "_")}-single`);
  mkdirSync(dir, { recursive: true });
  const keysFile = join(dir, "keys.txt");
  const vectorsFile = join(dir, "vectors.f32");
  const table = new Map<string, Float32Array>();
  if (existsSync(keysFile) && existsSync(vectorsFile)) {
    const lines = readFileSync(keysFile, "utf8").split("\n");
    const bytes = readFileSync(vectorsFile);
    // An interrupted run can leave a torn key line or vectors without keys:
    // keep the longest prefix where both agree and cut both files to it.
    let keys = 0;
    while (keys < lines.length && KEY.test(lines[keys]!)) keys++;
    const rows = Math.min(keys, Math.floor(bytes.length / 4 / encoder.dims));
    const rowBytes = rows * encoder.dims * 4;
    if (rows !== lines.filter(Boolean).length || bytes.length !== rowBytes) {
      log(`embedding cache: keeping the ${rows} consistent rows of ${dir}`);
      writeFileSync(vectorsFile, bytes.subarray(0, rowBytes));
      writeFileSync(keysFile, rows > 0 ? `${lines.slice(0, rows).join("\n")}\n` : "");
    }
    const all = new Float32Array(bytes.buffer, bytes.byteOffset, rows * encoder.dims);
    for (let i = 0; i < rows; i++) {
      table.set(lines[i]!, all.slice(i * encoder.dims, (i + 1) * encoder.dims));
    }
  }
  const missing = [...new Set(texts)].filter((t) => !table.has(keyOf(t)));
  if (missing.length > 0) {
    log(`embedding ${missing.length} texts with ${encoder.id} (cached: ${table.size})…`);
    const started = performance.now();
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const vectors = await encoder.embed(batch);
      const keys = batch.map(keyOf);
      const bytes = Buffer.alloc(vectors.length * encoder.dims * 4);
      vectors.forEach((v, j) => {
        table.set(keys[j]!, v);
        Buffer.from(v.buffer, v.byteOffset, v.byteLength).copy(bytes, j * encoder.dims * 4);
      });
      appendFileSync(vectorsFile, bytes);
      appendFileSync(keysFile, `${keys.join("\n")}\n`);
      const done = Math.min(i + BATCH, missing.length);
      if (done % PROGRESS_EVERY === 0 || done === missing.length) {
        const rate = done / ((performance.now() - started) / 1000);
        log(
          `  ${done}/${missing.length} (${rate.toFixed(0)}/s, ${((missing.length - done) / rate).toFixed(0)} s left)`,
        );
      }
    }
  }
  return {
    id: encoder.id,
    dims: encoder.dims,
    get: (text) => {
      const v = table.get(keyOf(text));
      if (!v) throw new Error(`no embedding for a text (${text.slice(0, 30)}…)`);
      return v;
    },
  };
}
