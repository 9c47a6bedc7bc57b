import { type Logger, type LoggerOptions, pino } from "pino";
import { SECRET_KEY_PATTERN, scrubSecrets } from "./secrets.ts";

export type { Logger } from "pino";

/** Paths pino removes before serialising; a second pass below scrubs by key name. */
const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  "*.apiKey",
  "*.secret",
  "*.token",
  "*.password",
];

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY_PATTERN.test(key) ? "[REDACTED]" : scrubValue(v, depth + 1);
  }
  return out;
}

export interface LoggerSettings {
  level?: string;
  /** Where lines go; defaults to stderr so stdout stays free for CLI output and MCP stdio. */
  destination?: pino.DestinationStream;
}

/**
 * Structured JSON logger. Secrets are removed twice: pino `redact` for known
 * paths, then a scrub of every key that names a secret and every secret-shaped
 * string. Whole user messages belong at debug level only.
 */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
    formatters: {
      log: (object) => scrubValue(object, 0) as Record<string, unknown>,
    },
    base: undefined,
  };
  return pino(options, settings.destination ?? pino.destination(2));
}

/** A logger that drops everything (tests, benchmarks). */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
