/**
 * One scan with the cascade on. The pipeline runs first as usual, with the
 * fast toxicity model; only when that scan reached the toxicity scanner (no
 * earlier block) and the fast score was uncertain does the scan wait for the
 * second stage, and then the pipeline runs again with the refined score in
 * the fast model's place (a second pass costs well under a millisecond; the
 * encoder about 10 ms). So long, secret-laden or injected texts never pay for
 * the encoder.
 *
 * A second stage that fails, answers nonsense, is busy or misses
 * `cascadeTimeoutMs` never changes the outcome of a scan: the fast score
 * stands, the failure is named in `errors` and sent as a
 * `guard.scanner_error` event ("closed" mode too: the fast model has already
 * given a complete verdict, the cascade only sharpens it). The deadline
 * bounds the wait, not the work: an embedding already running finishes.
 */

import { roundScore } from "./fusion.ts";
import { errorMessage, type PipelineDeps, runPipeline } from "./pipeline.ts";
import type { Classifier, ClassifierSet, Direction, RefinedScore, ScanResult } from "./types.ts";

/** Refinements running at once, per process: the encoder holds the event loop while it works. */
const MAX_IN_FLIGHT = 2;
let inFlight = 0;

export async function scanWithCascade(
  text: string,
  direction: Direction,
  prompt: string | undefined,
  deps: PipelineDeps,
  started: number,
): Promise<ScanResult> {
  const base = deps.config.modelsEnabled ? deps.classifiers() : {};
  const toxicity = base.toxicity;
  const refiner = toxicity?.refiner;
  if (!toxicity || !refiner) return runPipeline(text, direction, prompt, deps, started);

  // First pass: the usual scan, remembering what the fast model said about this text.
  let seen: { text: string; score: number } | undefined;
  const recording: Classifier = {
    name: toxicity.name,
    score: (t) => {
      const score = toxicity.score(t);
      seen = { text: t, score };
      return score;
    },
  };
  const first = runPipeline(text, direction, prompt, withToxicity(deps, base, recording), started);
  const fast = seen;
  if (!fast || (first.blockedBy !== null && first.blockedBy !== "toxicity")) return first;

  let refined: RefinedScore | undefined;
  let failure: string | undefined;
  try {
    if (!Number.isFinite(fast.score) || !refiner.wants(fast.score) || fast.text.trim() === "") {
      return first;
    }
    if (inFlight >= MAX_IN_FLIGHT) throw new Error(`busy (${inFlight} refinements running)`);
    inFlight++;
    try {
      refined = await withDeadline(refiner.refine(text, fast.score), deps.config.cascadeTimeoutMs);
    } finally {
      inFlight--;
    }
    if (!Number.isFinite(refined.score) || !Number.isFinite(refined.second)) {
      throw new Error(`returned ${refined.score}`);
    }
  } catch (error) {
    refined = undefined;
    failure = errorMessage(error);
  }

  if (!refined) {
    first.errors.push(`${refiner.name}: ${failure}`);
    deps.emit({
      event: "guard.scanner_error",
      direction,
      scanner: refiner.name,
      scores: {},
      detail: `cascade failed, fast model's score kept: ${failure}`,
    });
    return first;
  }
  const { score, second } = refined;
  const replaced: Classifier = {
    name: toxicity.name,
    score: (t) => (t === fast.text ? score : toxicity.score(t)),
  };
  const result = runPipeline(text, direction, prompt, withToxicity(deps, base, replaced), started);
  if ("toxicity" in result.scannerScores) {
    result.scannerScores.toxicityFast = roundScore(fast.score);
    result.scannerScores.toxicityCascade = roundScore(second);
  }
  return result;
}

function withToxicity(deps: PipelineDeps, base: ClassifierSet, toxicity: Classifier): PipelineDeps {
  const classifiers: ClassifierSet = { ...base, toxicity };
  return { ...deps, classifiers: () => classifiers };
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Loads a cascade's second stage ahead of the first uncertain message. */
export async function warmUpCascade(
  config: PipelineDeps["config"],
  classifiers: ClassifierSet,
): Promise<void> {
  if (!config.toxicityCascade || !config.modelsEnabled || !config.toxicityEnabled) return;
  await classifiers.toxicity?.refiner?.warmUp();
}
