/**
 * The toxicity cascade: the hashed n-gram model answers every message; when
 * it is unsure (its probability inside `band`), a logistic head over a
 * sentence embedding gives a second opinion, and the two are stacked in
 * log-odds with weights fitted on the held-back calibration slice:
 *
 *   p' = sigmoid(a · logit(p_fast) + b · z_head + c)
 *
 * The embedding reads meaning rather than words, which is what the n-grams
 * miss on families they have not seen (hate without slurs, compliments and
 * cheerful swearing): see "Cascade" in models/MODEL_CARD.md for the
 * leave-one-source-out figures that justify it.
 */

import type { Refiner } from "../types.ts";
import { logit, sigmoid } from "./linear.ts";
import type { SentenceEncoder } from "./sentence-encoder.ts";

export type Stacking = { a: number; b: number; c: number };

export type CascadeHead = {
  /** The sentence encoder the head was trained on; any other is refused. */
  encoder: string;
  weights: Float32Array;
  bias: number;
  stack: Stacking;
  /** Fast probabilities strictly inside (lo, hi) are refined. */
  band: readonly [number, number];
};

/** The head's raw log-odds for one embedding. */
export function headLogit(head: CascadeHead, embedding: Float32Array): number {
  if (embedding.length !== head.weights.length) {
    throw new Error(
      `embedding has ${embedding.length} dimensions, the head expects ${head.weights.length}`,
    );
  }
  let z = head.bias;
  for (let i = 0; i < embedding.length; i++) z += head.weights[i]! * embedding[i]!;
  return z;
}

export function stackedScore(head: CascadeHead, fast: number, embedding: Float32Array): number {
  const { a, b, c } = head.stack;
  return sigmoid(a * logit(fast) + b * headLogit(head, embedding) + c);
}

export function inBand(head: CascadeHead, fast: number): boolean {
  return fast > head.band[0] && fast < head.band[1];
}

/** The cascade as the guard's `Refiner`; the encoder is loaded on the first refinement. */
export function cascadeRefiner(
  name: string,
  head: CascadeHead,
  encoder: () => Promise<SentenceEncoder>,
): Refiner {
  return {
    name,
    wants: (score) => inBand(head, score),
    refine: async (text, score) => {
      const loaded = await encoder();
      if (loaded.id !== head.encoder) {
        throw new Error(`the head was trained on ${head.encoder}, not ${loaded.id}`);
      }
      const [embedding] = await loaded.embed([text]);
      if (!embedding) throw new Error("the sentence encoder returned nothing");
      return {
        score: stackedScore(head, score, embedding),
        second: sigmoid(headLogit(head, embedding)),
      };
    },
    warmUp: async () => {
      await encoder();
    },
  };
}

/**
 * A cascade whose head could not be read: the fast model is unaffected, and a
 * guard that asks for the cascade gets this failure in `errors` (and
 * `ready()` rejects with it), instead of every model being switched off.
 */
export function brokenRefiner(name: string, problem: string): Refiner {
  const fail = async (): Promise<never> => {
    throw new Error(problem);
  };
  return { name, wants: () => true, refine: fail, warmUp: fail };
}
