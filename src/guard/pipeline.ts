/**
 * Runs an ordered list of scanners over one text. The first block returns at
 * once with the scores so far; a scanner that throws is skipped ("open") or
 * blocks ("closed"), and is named in `errors` either way.
 */

import type { ScanConfig } from "./config.ts";
import { clamp01, roundScore } from "./fusion.ts";
import { type NormalizedText, normalize } from "./normalize.ts";
import type {
  ClassifierSet,
  Direction,
  GuardEvent,
  ScanContext,
  Scanner,
  ScanResult,
} from "./types.ts";

export type PipelineDeps = {
  config: ScanConfig;
  scanners: readonly Scanner[];
  classifiers: () => ClassifierSet;
  emit: (event: GuardEvent) => void;
};

/** The first line of an error's message, at most 200 characters, for `errors` and events. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.slice(0, 200) || "unknown error";
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

class Context implements ScanContext {
  readonly direction: Direction;
  readonly prompt: string | undefined;
  readonly config: ScanConfig;
  readonly errors: string[] = [];
  readonly #original: string;
  readonly #classifiers: ClassifierSet;
  readonly #emit: (event: GuardEvent) => void;
  #normalized: NormalizedText | undefined;

  constructor(
    original: string,
    direction: Direction,
    prompt: string | undefined,
    deps: PipelineDeps,
  ) {
    this.#original = original;
    this.direction = direction;
    this.prompt = prompt;
    this.config = deps.config;
    this.#classifiers = deps.config.modelsEnabled ? deps.classifiers() : {};
    this.#emit = deps.emit;
  }

  get normalized(): NormalizedText {
    this.#normalized ??= normalize(this.#original);
    return this.#normalized;
  }

  classify(kind: keyof ClassifierSet, text: string): number | undefined {
    const classifier = this.#classifiers[kind];
    if (!classifier) return undefined;
    try {
      const p = classifier.score(text);
      if (!Number.isFinite(p)) throw new Error(`returned ${p}`);
      return clamp01(p);
    } catch (error) {
      // Fail closed: the scanner fails with it and the pipeline blocks the text.
      if (this.config.failMode === "closed") {
        throw new Error(`classifier ${classifier.name} failed: ${errorMessage(error)}`);
      }
      const message = `${classifier.name}: ${errorMessage(error)}`;
      this.errors.push(message);
      this.#emit({
        event: "guard.scanner_error",
        direction: this.direction,
        scanner: classifier.name,
        scores: {},
        detail: `classifier failed, heuristic used alone: ${errorMessage(error)}`,
      });
      return undefined;
    }
  }
}

function appliesTo(scanner: Scanner, direction: Direction, config: ScanConfig): boolean {
  if (scanner.appliesTo !== "both" && scanner.appliesTo !== direction) return false;
  return scanner.enabled ? scanner.enabled(config) : true;
}

export function invalidTextResult(
  text: unknown,
  direction: Direction,
  config: ScanConfig,
  started: number,
): ScanResult {
  const kind = text === null ? "null" : Array.isArray(text) ? "array" : typeof text;
  return {
    isValid: false,
    sanitizedText: direction === "output" ? config.outputFallbackMessage : "",
    blockedReason: direction === "output" ? config.outputFallbackMessage : config.blockedMessage,
    scannerScores: {},
    blockedBy: "guard",
    errors: [`guard: text must be a string, got ${kind}`],
    ms: round(performance.now() - started),
  };
}

export function runPipeline(
  text: string,
  direction: Direction,
  prompt: string | undefined,
  deps: PipelineDeps,
  started: number,
): ScanResult {
  const { config, emit } = deps;
  const context = new Context(text, direction, prompt, deps);
  const scores: Record<string, number> = {};
  let current = text;

  const blocked = (scanner: Scanner, detail: string): ScanResult => {
    const reason =
      direction === "output"
        ? config.outputFallbackMessage
        : (scanner.message?.(config) ?? config.blockedMessage);
    emit({
      event: direction === "input" ? "guard.input_blocked" : "guard.output_blocked",
      direction,
      scanner: scanner.name,
      scores: { ...scores },
      detail,
    });
    return {
      isValid: false,
      sanitizedText: direction === "output" ? config.outputFallbackMessage : current,
      blockedReason: reason,
      scannerScores: scores,
      blockedBy: scanner.name,
      errors: context.errors,
      ms: round(performance.now() - started),
    };
  };

  for (const scanner of deps.scanners) {
    if (!appliesTo(scanner, direction, config)) continue;
    let verdict: ReturnType<Scanner["scan"]>;
    try {
      verdict = scanner.scan(current, context);
    } catch (error) {
      const message = errorMessage(error);
      context.errors.push(`${scanner.name}: ${message}`);
      emit({
        event: "guard.scanner_error",
        direction,
        scanner: scanner.name,
        scores: {},
        detail: `${config.failMode === "closed" ? "blocked (fail closed)" : "skipped (fail open)"}: ${message}`,
      });
      if (config.failMode === "closed") return blocked(scanner, `scanner failed: ${message}`);
      continue;
    }
    scores[scanner.name] = roundScore(verdict.score);
    for (const [name, value] of Object.entries(verdict.details ?? {}))
      scores[name] = roundScore(value);
    if (!verdict.valid) return blocked(scanner, verdict.reason ?? "blocked");
    if (verdict.sanitized !== undefined && verdict.sanitized !== current) {
      current = verdict.sanitized;
      emit({
        event: "guard.redacted",
        direction,
        scanner: scanner.name,
        scores: { [scanner.name]: scores[scanner.name] ?? 0 },
        detail: verdict.reason ?? "sanitized",
      });
    }
  }

  return {
    isValid: true,
    sanitizedText: current,
    blockedReason: null,
    scannerScores: scores,
    blockedBy: null,
    errors: context.errors,
    ms: round(performance.now() - started),
  };
}
