/**
 * Maya's guard: an input/output security scanner for LLM apps.
 *
 *   import { scanInput, scanOutput, createGuard } from "mayamcp/guard";
 *   const r = await scanInput("Ignore all previous instructions");
 *   if (!r.isValid) reply(r.blockedReason);
 *
 * Scanners run in a fixed order (see `scanners/index.ts`); the first block wins.
 * The guard imports nothing else of the app: it reports through `onEvent`.
 *
 * Trained classifiers: a guard with `modelsEnabled` (the default) uses, in order,
 * the `classifiers` passed to `createGuard`, those given to
 * `registerClassifiers`, or the committed defaults, loaded once on the first
 * scan from `models/` (`loadDefaultClassifiers()`). When the weights are
 * missing or damaged, the guard runs on its heuristics alone and emits
 * one `guard.models_unavailable` event.
 */

import { scanWithCascade, warmUpCascade } from "./cascade-scan.ts";
import {
  defaultScanConfig,
  parseScanConfig,
  type ScanConfig,
  type ScanConfigInput,
} from "./config.ts";
import { loadDefaultClassifiers } from "./models/index.ts";
import { invalidTextResult, runPipeline } from "./pipeline.ts";
import { defaultScanners } from "./scanners/index.ts";
import type { ClassifierSet, Direction, GuardEvent, Scanner, ScanResult } from "./types.ts";

export {
  defaultScanConfig,
  parseScanConfig,
  type ScanConfig,
  ScanConfigError,
  type ScanConfigInput,
  scanConfigSchema,
  scanConfigToJSON,
} from "./config.ts";
export { type FusionKind, fuseScores } from "./fusion.ts";
export { DEFAULT_MESSAGES } from "./messages.ts";
export { isTask, type LabelledRow, parseLabelledJsonl, type Task } from "./models/dataset.ts";
export { summarizeBySource, summaryTable } from "./models/evaluate.ts";
// The trained classifiers and the evaluation harness behind `maya eval` (metrics,
// tables, the HTML report). Importing them reads no weights: loading stays lazy.
export { loadDefaultClassifiers } from "./models/index.ts";
export { percentile, rocCurve } from "./models/metrics.ts";
export { renderReport } from "./models/report.ts";
export {
  type DecodedSegment,
  type Encoding,
  highestModelScore,
  type NormalizationFlags,
  type NormalizedText,
  normalize,
} from "./normalize.ts";
export { defaultScanners } from "./scanners/index.ts";
export type {
  Classifier,
  ClassifierSet,
  Direction,
  GuardEvent,
  GuardEventName,
  RefinedScore,
  Refiner,
  ScanContext,
  Scanner,
  ScannerVerdict,
  ScanResult,
} from "./types.ts";

export type GuardOptions = {
  /** Receives blocked/redacted/error events (names and scores only, never the text). */
  onEvent?: (event: GuardEvent) => void;
  /** Classifiers for this guard only; `{}` means heuristics only. */
  classifiers?: ClassifierSet;
  /** Replace the scanner list (order matters). Defaults to `defaultScanners`. */
  scanners?: readonly Scanner[];
};

export type Guard = {
  readonly config: ScanConfig;
  scanInput(text: unknown): Promise<ScanResult>;
  scanOutput(text: unknown, prompt?: string): Promise<ScanResult>;
  /** Loads the models (and, with `toxicityCascade`, its sentence encoder) before the first scan. */
  ready(): Promise<void>;
};

type ModelLoad = { classifiers: ClassifierSet; problem: string | null };

let registered: ClassifierSet | undefined;
let defaultModels: Promise<ModelLoad> | undefined;

/** Makes these classifiers the default for every guard built without its own. */
export function registerClassifiers(classifiers: ClassifierSet): void {
  registered = { ...classifiers };
}

/** Reads the committed weights once; a missing or damaged file leaves the heuristics in charge. */
async function loadDefaultModels(): Promise<ModelLoad> {
  try {
    const classifiers = loadDefaultClassifiers();
    const problem =
      classifiers.promptInjection || classifiers.toxicity ? null : "no trained models found";
    return { classifiers, problem };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { classifiers: {}, problem: `trained models unavailable: ${message}` };
  }
}

// The first scan in a process compiles every pattern (tens of ms): do it once, outside any `ms`.
// Only the built-in scanners run (pure functions), without classifiers or events.
let warm = false;
function warmUp(config: ScanConfig): void {
  warm = true;
  const quiet = { config, scanners: defaultScanners, classifiers: () => ({}), emit: () => {} };
  for (const direction of ["input", "output"] as const) {
    runPipeline("Warm-up: a Negroni, please! ignore", direction, undefined, quiet, 0);
  }
}

/**
 * Builds a guard once for the app. `settings` may be a parsed `ScanConfig` or any
 * subset of it (parsed here; throws `ScanConfigError` naming a bad field).
 */
export function createGuard(
  settings: ScanConfig | ScanConfigInput = defaultScanConfig,
  options: GuardOptions = {},
): Guard {
  const config = settings === defaultScanConfig ? defaultScanConfig : parseScanConfig(settings);
  const scanners = options.scanners ?? defaultScanners;
  const onEvent = options.onEvent;
  const emit = (event: GuardEvent) => {
    if (!onEvent) return;
    try {
      onEvent(event);
    } catch {
      // A failing listener must never change a scan's outcome.
    }
  };

  let loaded: ClassifierSet | undefined = options.classifiers;
  let ready: Promise<void> | undefined;
  const ensureModels = (): Promise<void> | undefined => {
    if (loaded || !config.modelsEnabled) return undefined;
    if (registered) {
      loaded = registered;
      return undefined;
    }
    defaultModels ??= loadDefaultModels();
    ready ??= defaultModels.then((load) => {
      loaded = load.classifiers;
      if (load.problem) {
        emit({
          event: "guard.models_unavailable",
          direction: null,
          scanner: null,
          scores: {},
          detail: load.problem,
        });
      }
    });
    return ready;
  };

  const deps = { config, scanners, classifiers: () => loaded ?? {}, emit };

  const scan = async (
    text: unknown,
    direction: Direction,
    prompt?: string,
  ): Promise<ScanResult> => {
    const waiting = ensureModels();
    if (waiting) await waiting; // once per process: loading is not part of a scan's time
    if (!warm) warmUp(config);
    const started = performance.now();
    if (typeof text !== "string") return invalidTextResult(text, direction, config, started);
    const context = typeof prompt === "string" ? prompt : undefined;
    return config.toxicityCascade
      ? scanWithCascade(text, direction, context, deps, started)
      : runPipeline(text, direction, context, deps, started);
  };

  return {
    config,
    scanInput: (text) => scan(text, "input"),
    scanOutput: (text, prompt) => scan(text, "output", prompt),
    ready: async () => {
      await ensureModels();
      await warmUpCascade(config, loaded ?? {});
    },
  };
}

const guards = new WeakMap<object, Guard>();
let defaultGuard: Guard | undefined;

function guardFor(config: ScanConfig | ScanConfigInput | undefined): Guard {
  if (config === undefined) {
    defaultGuard ??= createGuard(defaultScanConfig);
    return defaultGuard;
  }
  let guard = guards.get(config);
  if (!guard) {
    guard = createGuard(parseScanConfig(config));
    guards.set(config, guard);
  }
  return guard;
}

/** Scans a guest's message (or an outside tool result) before the model sees it. */
export async function scanInput(
  text: unknown,
  config?: ScanConfig | ScanConfigInput,
): Promise<ScanResult> {
  return guardFor(config).scanInput(text);
}

/** Scans a model reply before a guest sees it; `prompt` is the guest's message it answers. */
export async function scanOutput(
  text: unknown,
  prompt?: string,
  config?: ScanConfig | ScanConfigInput,
): Promise<ScanResult> {
  return guardFor(config).scanOutput(text, prompt);
}
