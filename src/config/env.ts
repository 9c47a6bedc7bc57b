import { z } from "zod";

/**
 * Every environment variable Maya reads, in one place. Only this folder reads
 * `process.env`; everything else receives the parsed `AppConfig`.
 * The README's configuration table mirrors this schema: keep them together.
 */

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const optionalSecret = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const unit = z.coerce.number().min(0).max(1);

export const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  MAYA_ENV: z.enum(["development", "production", "test"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // HTTP server
  PORT: port.default(8080),
  HOST: z.string().min(1).default("127.0.0.1"),
  MAYA_PUBLIC_URL: z.url().optional(),
  MAYA_TRUST_PROXY: bool.default(false),
  MAYA_RATE_LIMIT_PER_MINUTE: positiveInt.default(60),
  MAYA_SESSION_RATE_LIMIT_PER_MINUTE: positiveInt.default(30),
  MAYA_NEW_SESSIONS_PER_MINUTE: positiveInt.default(20),
  MAYA_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  MAYA_MAX_MESSAGE_CHARS: positiveInt.default(2000),
  MAYA_MAX_EVENT_LOOP_DELAY_MS: positiveInt.default(1000),

  // State
  MAYA_STORE: z.string().min(1).default("sqlite:./data/maya.db"),
  MAYA_SESSION_TTL_SECONDS: positiveInt.default(3600),

  // Model
  MAYA_MODEL: z.string().min(1).default("rules"),
  MAYA_TURN_TIMEOUT_MS: positiveInt.default(30_000),
  MAYA_MAX_STEPS: positiveInt.max(20).default(6),
  GOOGLE_GENERATIVE_AI_API_KEY: optionalSecret,
  OPENAI_API_KEY: optionalSecret,
  ANTHROPIC_API_KEY: optionalSecret,
  OPENAI_COMPATIBLE_API_KEY: optionalSecret,

  // Payments
  MAYA_PAYMENTS: z.enum(["mock", "stripe", "stripe-mcp"]).optional(),
  MAYA_PAYMENT_FALLBACK: z.enum(["mock", "fail"]).optional(),
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  STRIPE_API_URL: z.url().optional(),
  STRIPE_ALLOW_LIVE_KEYS: bool.default(false),
  STRIPE_MCP_COMMAND: z.string().trim().min(1).optional(),
  STRIPE_MCP_URL: z.url().optional(),
  MAYA_PAYMENT_PROBE_TTL_MS: positiveInt.default(30_000),

  // Guard
  MAYA_GUARD_CONFIG: z.string().min(1).optional(),
  MAYA_GUARD_FAIL_MODE: z.enum(["open", "closed"]).optional(),
  /** The toxicity cascade (a sentence encoder's second opinion on uncertain scores). */
  MAYA_GUARD_CASCADE: bool.optional(),
  MAYA_PROMPT_INJECTION_THRESHOLD: unit.optional(),
  MAYA_TOXICITY_THRESHOLD: unit.optional(),

  // MCP
  MAYA_MCP_TOKENS: optionalSecret,
  /** Comma-separated browser origins allowed to call MCP over HTTP (requests without Origin always pass). */
  MAYA_MCP_ALLOWED_ORIGINS: z.string().trim().default(""),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; a bad value is a start-up error that names the variable. */
export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function isProduction(env: Env): boolean {
  return (env.MAYA_ENV ?? env.NODE_ENV) === "production";
}
