import { ConfigError, type Env, isProduction } from "../config/index.ts";
import type { RetryPolicy } from "./resilience/backoff.ts";
import type { StripeMcpTarget } from "./stripe-mcp/adapter.ts";
import { splitCommand } from "./stripe-mcp/command.ts";
import type { FallbackMode, ProviderName } from "./types.ts";

export interface PaymentSettings {
  provider: ProviderName;
  fallback: FallbackMode;
  secretKey?: string;
  /** Live keys move real money; refused unless this is true (STRIPE_ALLOW_LIVE_KEYS). */
  allowLiveKeys?: boolean;
  webhookSecret?: string;
  /** Another Stripe API origin (the test server). */
  apiUrl?: string;
  mcp?: StripeMcpTarget;
  probeTtlMs: number;
  /** Public origin: absolute mock links and the page Stripe returns the guest to. */
  publicUrl?: string;
  retry?: Partial<RetryPolicy>;
}

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_-]{8,}$/;

/**
 * Reads the payment variables from the parsed environment. A missing,
 * malformed or dangerous value is a start-up error naming the variable.
 * Without MAYA_PAYMENTS: Stripe (API, or MCP when an MCP command/URL is set)
 * when a key is present, the mock otherwise.
 */
export function paymentSettingsFromEnv(env: Env): PaymentSettings {
  const key = env.STRIPE_SECRET_KEY;
  const wantsMcp = env.STRIPE_MCP_COMMAND !== undefined || env.STRIPE_MCP_URL !== undefined;
  const provider: ProviderName =
    env.MAYA_PAYMENTS ?? (key ? (wantsMcp ? "stripe-mcp" : "stripe") : "mock");
  const settings: PaymentSettings = {
    provider,
    fallback: env.MAYA_PAYMENT_FALLBACK ?? (isProduction(env) ? "fail" : "mock"),
    probeTtlMs: env.MAYA_PAYMENT_PROBE_TTL_MS,
    ...(env.MAYA_PUBLIC_URL && { publicUrl: env.MAYA_PUBLIC_URL }),
  };

  if (env.STRIPE_WEBHOOK_SECRET !== undefined) {
    if (!WEBHOOK_SECRET.test(env.STRIPE_WEBHOOK_SECRET)) {
      throw new ConfigError(
        "STRIPE_WEBHOOK_SECRET must be a Stripe signing secret starting with whsec_.",
      );
    }
    settings.webhookSecret = env.STRIPE_WEBHOOK_SECRET;
  }
  if (provider === "mock") return settings;

  if (!key) throw new ConfigError(`STRIPE_SECRET_KEY is required when MAYA_PAYMENTS=${provider}.`);
  if (!SECRET_KEY.test(key)) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY is malformed: expected sk_test_…, rk_test_… (or a live key when allowed).",
    );
  }
  if (key.includes("_live_") && !env.STRIPE_ALLOW_LIVE_KEYS) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY is a live key; set STRIPE_ALLOW_LIVE_KEYS=true to take real payments.",
    );
  }
  settings.secretKey = key;
  settings.allowLiveKeys = env.STRIPE_ALLOW_LIVE_KEYS;
  if (env.STRIPE_API_URL) settings.apiUrl = secureUrl("STRIPE_API_URL", env.STRIPE_API_URL);

  if (provider === "stripe-mcp") {
    if (env.STRIPE_MCP_COMMAND && env.STRIPE_MCP_URL) {
      throw new ConfigError("Set only one of STRIPE_MCP_COMMAND and STRIPE_MCP_URL.");
    }
    if (env.STRIPE_MCP_URL) {
      settings.mcp = { kind: "url", url: secureUrl("STRIPE_MCP_URL", env.STRIPE_MCP_URL) };
    } else if (env.STRIPE_MCP_COMMAND) {
      let words: string[];
      try {
        words = splitCommand(env.STRIPE_MCP_COMMAND);
      } catch {
        throw new ConfigError("STRIPE_MCP_COMMAND has an unterminated quote.");
      }
      if (words.length === 0) throw new ConfigError("STRIPE_MCP_COMMAND is empty.");
      settings.mcp = { kind: "command", command: env.STRIPE_MCP_COMMAND };
    } else {
      throw new ConfigError(
        "STRIPE_MCP_COMMAND or STRIPE_MCP_URL is required when MAYA_PAYMENTS=stripe-mcp.",
      );
    }
  }
  return settings;
}

/** Keys travel to this URL: HTTPS, except plain HTTP to this machine (test servers). */
function secureUrl(variable: string, value: string): string {
  const url = new URL(value);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new ConfigError(`${variable} must be an https:// URL (plain http only for localhost).`);
  }
  return value;
}
