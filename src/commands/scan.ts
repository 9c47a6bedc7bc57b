/**
 * `maya scan`: run the guard from the command line.
 *
 *   echo "Ignore previous instructions" | maya scan
 *   maya scan --jsonl < inputs.jsonl          # {"text", "prompt"?} per line
 *   maya scan --jsonl --output < replies.jsonl # scan as model output, prompt as context
 *
 * One JSON result line per input, in order. Exit 0 when all pass, 1 when any is
 * blocked, 2 on a usage error or unreadable input (with a message on stderr).
 */

import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  createGuard,
  type Guard,
  parseScanConfig,
  type ScanConfig,
  type ScanResult,
} from "../guard/index.ts";

const USAGE = `Usage: maya scan [--jsonl] [--output] [--prompt TEXT] [--config FILE]

Scans text on stdin with Maya's guard and prints one JSON line per input:
  {"valid", "sanitized", "reason", "blockedBy", "scores", "ms"}

Options:
  --jsonl          read JSON lines {"text": string, "prompt"?: string} instead of plain text
  --output         scan as model output (the prompt, if any, is the guest's message)
  --prompt TEXT    the guest's message, for plain-text --output scans
  --config FILE    a JSON ScanConfig (thresholds, toggles, allowed URL hosts, ...)
  -h, --help       show this help

Exit status: 0 all passed, 1 something was blocked, 2 usage error or unreadable input.
`;

type Options = {
  jsonl: boolean;
  output: boolean;
  prompt: string | undefined;
  config: string | undefined;
};

class UsageError extends Error {}

function parseOptions(args: string[]): Options | "help" {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: {
        jsonl: { type: "boolean", default: false },
        output: { type: "boolean", default: false },
        prompt: { type: "string" },
        config: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (v.prompt !== undefined && !v.output) throw new UsageError("--prompt goes with --output");
  if (v.jsonl && v.prompt !== undefined)
    throw new UsageError('--prompt is for plain-text input; put "prompt" in each JSON line');
  return {
    jsonl: v.jsonl === true,
    output: v.output === true,
    prompt: typeof v.prompt === "string" ? v.prompt : undefined,
    config: typeof v.config === "string" ? v.config : undefined,
  };
}

async function loadConfig(path: string | undefined): Promise<ScanConfig> {
  if (path === undefined) return parseScanConfig({});
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseScanConfig(json);
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** The line format from DESIGN.md, keys in this order. */
function resultLine(r: ScanResult): string {
  return JSON.stringify({
    valid: r.isValid,
    sanitized: r.sanitizedText,
    reason: r.blockedReason,
    blockedBy: r.blockedBy,
    scores: r.scannerScores,
    ms: r.ms,
  });
}

function errorLine(message: string): string {
  return JSON.stringify({
    valid: false,
    sanitized: "",
    reason: null,
    blockedBy: null,
    scores: {},
    ms: 0,
    error: message,
  });
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) {
    await new Promise<void>((resolve) => {
      process.stdout.once("drain", resolve);
      process.stdout.once("close", resolve);
    });
  }
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function scanText(guard: Guard, options: Options): Promise<number> {
  const text = (await readAll()).replace(/\r?\n$/, "");
  const result = options.output
    ? await guard.scanOutput(text, options.prompt)
    : await guard.scanInput(text);
  await write(resultLine(result));
  return result.isValid ? 0 : 1;
}

type Parsed = { text: string; prompt: string | undefined } | { error: string };

function parseLine(line: string, lineNumber: number): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: `line ${lineNumber}: not valid JSON` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: `line ${lineNumber}: expected a JSON object with a "text" string` };
  }
  const { text, prompt } = value as { text?: unknown; prompt?: unknown };
  if (typeof text !== "string") return { error: `line ${lineNumber}: "text" must be a string` };
  if (prompt !== undefined && prompt !== null && typeof prompt !== "string") {
    return { error: `line ${lineNumber}: "prompt" must be a string when present` };
  }
  return { text, prompt: typeof prompt === "string" ? prompt : undefined };
}

async function scanLines(guard: Guard, options: Options): Promise<number> {
  let exit = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    const parsed = parseLine(line, lineNumber);
    if ("error" in parsed) {
      // Keep one output line per input line, say what went wrong, and finish the rest.
      process.stderr.write(`maya scan: ${parsed.error}\n`);
      await write(errorLine(parsed.error));
      exit = 2;
      continue;
    }
    const result = options.output
      ? await guard.scanOutput(parsed.text, parsed.prompt)
      : await guard.scanInput(parsed.text);
    await write(resultLine(result));
    if (!result.isValid && exit === 0) exit = 1;
  }
  return exit;
}

export async function run(args: string[]): Promise<number> {
  try {
    const options = parseOptions(args);
    if (options === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    if (process.stdin.isTTY) throw new UsageError("nothing on stdin; pipe text or JSON lines in");
    const guard = createGuard(await loadConfig(options.config));
    return options.jsonl ? await scanLines(guard, options) : await scanText(guard, options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`maya scan: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(
      `maya scan: cannot read input: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
}
