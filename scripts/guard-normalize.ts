/**
 * The text the guard's models read: the guard's `normalize(text).combined`
 * (folded visible text plus decoded hidden payloads), exactly what the
 * scanners pass to the classifiers at run time, so obfuscated variants
 * featurise like their originals. The name is stored in the model manifest.
 */

import { normalize } from "../src/guard/index.ts";

export type ModelNormalizer = { name: string; apply(text: string): string };

export const MODEL_NORMALIZER: ModelNormalizer = {
  name: "guard.normalize().combined",
  apply: (text) => normalize(text).combined,
};
