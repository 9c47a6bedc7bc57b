/**
 * One scan with the cascade on: the fast toxicity model scores the text; only
 * when it is unsure does the scan wait for the second stage, and then the
 * pipeline runs with that refined score in the fast model's place. A second
 * stage that fails or misses `cascadeTimeoutMs` never changes the outcome of
 * a scan: the fast score stands, the failure is named in `errors` and sent as
 * a `guard.scanner_error` event (in "closed" mode too: the fast model has
 * already given a complete verdict, the cascade only sharpens it).
 */

import type { ScanConfig } from "./config.ts";
import { roundScore } from "./fusion.ts";
import { normalize } from "./normalize.ts";
import { type PipelineDeps, runPipeline } from "./pipeline.ts";
import type { ClassifierSet, Direction, RefinedScore, ScanResult } from "./types.ts";

export async function scanWithCascade(
  text: string,
  direction: Direction,
  prompt: string | undefined,
  deps: PipelineDeps,
  started: number,
): Promise<ScanResult> {
  const { config } = deps;
  const base = config.modelsEnabled ? deps.classifiers() : {};
  const toxicity = base.toxicity;
  const refiner = toxicity?.refiner;
  if (!config.toxicityEnabled || !toxicity || !refiner) {
    return runPipeline(text, direction, prompt, deps, started);
  }
  const normalized = normalize(text);
  let fast: number;
  try {
    fast = toxicity.score(normalized.combined);
  } catch {
    // The pipeline calls the classifier again and applies the fail mode.
    return runPipeline(text, direction, prompt, deps, started, normalized);
  }
  if (!Number.isFinite(fast) || !refiner.wants(fast)) {
    return runPipeline(text, direction, prompt, deps, started, normalized);
  }

  let refined: RefinedScore | undefined;
  let failure: string | undefined;
  try {
    refined = await withDeadline(refiner.refine(text, fast), config.cascadeTimeoutMs);
  } catch (error) {
    failure = (error instanceof Error ? error.message : String(error))
      .split("\n")[0]!
      .slice(0, 200);
  }
  const score = refined?.score;
  const classifiers: ClassifierSet =
    score === undefined
      ? base
      : {
          ...base,
          toxicity: {
            name: toxicity.name,
            score: (t) => (t === normalized.combined ? score : toxicity.score(t)),
          },
        };
  const result = runPipeline(
    text,
    direction,
    prompt,
    { ...deps, classifiers: () => classifiers },
    started,
    normalized,
  );
  if (refined && "toxicity" in result.scannerScores) {
    result.scannerScores.toxicityCascade = roundScore(refined.second);
  }
  if (failure !== undefined) {
    result.errors.push(`${refiner.name}: ${failure}`);
    deps.emit({
      event: "guard.scanner_error",
      direction,
      scanner: refiner.name,
      scores: {},
      detail: `cascade failed, fast model's score kept: ${failure}`,
    });
  }
  return result;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Loads a cascade's second stage ahead of the first uncertain message. */
export async function warmUpCascade(config: ScanConfig, classifiers: ClassifierSet): Promise<void> {
  if (!config.toxicityCascade || !config.modelsEnabled || !config.toxicityEnabled) return;
  await classifiers.toxicity?.refiner?.warmUp();
}
