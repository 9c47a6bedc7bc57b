/**
 * The guard's settings: one zod schema, parsed once when a guard is built.
 * Unknown keys are ignored (forward compatible); bad values are rejected with
 * an error that names the field.
 */

import { z } from "zod";
import { DEFAULT_MESSAGES } from "./messages.ts";

const threshold = z
  .number({ error: "must be a number between 0 and 1" })
  .min(0, { error: "must be a number between 0 and 1" })
  .max(1, { error: "must be a number between 0 and 1" });
const flag = z.boolean({ error: "must be true or false" });
const positiveInt = z
  .number({ error: "must be a positive whole number" })
  .int({ error: "must be a positive whole number" })
  .min(1, { error: "must be a positive whole number" })
  .max(100_000_000, { error: "must be at most 100000000" });
const message = z
  .string({ error: "must be a non-empty string" })
  .trim()
  .min(1, { error: "must be a non-empty string" })
  .max(1000, { error: "must be at most 1000 characters" });
const host = z
  .string({ error: "must be a list of host names" })
  .trim()
  .toLowerCase()
  // A DNS name or IPv4 address, or an IPv6 literal in brackets as URL.hostname gives it ("[::1]").
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63}){0,10}|\[[0-9a-f:.]{2,45}\])$/, {
    error: "must be a list of host names such as example.com",
  });

export const scanConfigSchema = z.object({
  promptInjectionEnabled: flag.default(true),
  promptInjectionThreshold: threshold.default(0.5),
  toxicityEnabled: flag.default(true),
  toxicityThreshold: threshold.default(0.5),
  /** What happens when a scanner throws: "open" skips it, "closed" blocks the text. */
  failMode: z.enum(["open", "closed"], { error: 'must be "open" or "closed"' }).default("open"),
  /** Use the trained classifiers under the heuristics when they are available. */
  modelsEnabled: flag.default(true),
  /**
   * The toxicity cascade: when the fast model is unsure (between 5 % and 95 %),
   * ask a sentence-encoder model for a second opinion. Off by default: it costs
   * 10–90 ms per uncertain message and 100–280 MB of memory (see MODEL_CARD.md).
   */
  toxicityCascade: flag.default(false),
  /** How long a scan waits for the cascade before keeping the fast model's score. */
  cascadeTimeoutMs: positiveInt.max(60_000, { error: "must be at most 60000" }).default(2_000),
  invisibleTextEnabled: flag.default(true),
  /** "strip" removes zero-width/bidi/tag/control characters; "block" refuses the text. */
  invisibleTextMode: z
    .enum(["strip", "block"], { error: 'must be "strip" or "block"' })
    .default("strip"),
  redactSecrets: flag.default(true),
  redactPii: flag.default(true),
  /** Input longer than this many UTF-16 characters is refused. */
  maxInputChars: positiveInt.default(32_000),
  /** Input estimated at more than this many model tokens is refused. */
  maxTokens: positiveInt.default(8_000),
  /** Block replies that link anywhere outside these hosts (and their subdomains). */
  blockUnlistedUrls: flag.default(true),
  allowedUrlHosts: z.array(host, { error: "must be a list of host names" }).max(1000).default([]),
  /** A random marker planted in the system prompt; a reply containing it is blocked. */
  canary: z
    .string({ error: "must be a string of at least 8 characters" })
    .min(8, { error: "must be a string of at least 8 characters" })
    .max(256, { error: "must be at most 256 characters" })
    .optional(),
  injectionMessage: message.default(DEFAULT_MESSAGES.injection),
  toxicMessage: message.default(DEFAULT_MESSAGES.toxic),
  tooLongMessage: message.default(DEFAULT_MESSAGES.tooLong),
  blockedMessage: message.default(DEFAULT_MESSAGES.blocked),
  outputFallbackMessage: message.default(DEFAULT_MESSAGES.outputFallback),
});

export type ScanConfig = z.output<typeof scanConfigSchema>;
/** What `parseScanConfig` accepts: any subset of the settings; the rest take defaults. */
export type ScanConfigInput = z.input<typeof scanConfigSchema>;

export class ScanConfigError extends Error {
  override name = "ScanConfigError";
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean" || value === undefined) {
    return String(value);
  }
  if (value === null) return "null";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value) ? "a list" : typeof value;
}

function valueAt(obj: unknown, path: readonly PropertyKey[]): unknown {
  let current = obj;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Parses settings from untrusted data (a JSON file, an API body). Throws `ScanConfigError`. */
export function parseScanConfig(obj: unknown): ScanConfig {
  if (obj === undefined) return scanConfigSchema.parse({});
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    throw new ScanConfigError(
      "(root)",
      `scan config must be a JSON object (got ${describeValue(obj)})`,
    );
  }
  const result = scanConfigSchema.safeParse(obj);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const field = path.map(String).join(".") || "(root)";
  const got = describeValue(valueAt(obj, path));
  throw new ScanConfigError(
    field,
    `invalid scan config: ${field} ${issue?.message ?? "is invalid"} (got ${got})`,
  );
}

export const defaultScanConfig: ScanConfig = Object.freeze(parseScanConfig({})) as ScanConfig;

/** A plain JSON object that `parseScanConfig` turns back into an equal config. */
export function scanConfigToJSON(config: ScanConfig): Record<string, unknown> {
  const json: Record<string, unknown> = { ...config, allowedUrlHosts: [...config.allowedUrlHosts] };
  if (json.canary === undefined) delete json.canary;
  return json;
}
