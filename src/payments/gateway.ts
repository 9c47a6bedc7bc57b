import type { Logger } from "../config/index.ts";
import { ConfigError, silentLogger } from "../config/index.ts";
import { MockPaymentAdapter } from "./mock/adapter.ts";
import { InMemoryMockPaymentRecords, type MockPaymentRecords } from "./mock/records.ts";
import type { Clock } from "./resilience/clock.ts";
import { type PaymentOutcomeEvent, ResilientGateway } from "./resilience/gateway.ts";
import type { PaymentSettings } from "./settings.ts";
import { StripePaymentAdapter } from "./stripe/adapter.ts";
import { StripeMcpPaymentAdapter } from "./stripe-mcp/adapter.ts";
import type { PaymentAdapter } from "./types.ts";

export interface PaymentGatewayDeps {
  /** Shared mock records (Redis-backed in a multi-instance deployment); in-memory when absent. */
  mockRecords?: MockPaymentRecords;
  logger?: Logger;
  clock?: Clock;
  random?: () => number;
  onOutcome?: (event: PaymentOutcomeEvent) => void;
}

/** Builds the configured provider, the mock beside it, and the resilience layer around both. */
export function createPaymentGateway(
  settings: PaymentSettings,
  deps: PaymentGatewayDeps = {},
): ResilientGateway {
  const logger = deps.logger ?? silentLogger();
  const now = deps.clock ? () => deps.clock!.now() : Date.now;
  const mock = new MockPaymentAdapter({
    records: deps.mockRecords ?? new InMemoryMockPaymentRecords({ now }),
    baseUrl: settings.publicUrl ?? "",
    now,
  });
  const primary = primaryAdapter(settings, mock);
  logger.info(
    { event: "payments.configured", provider: primary.provider, fallback: settings.fallback },
    "payment gateway ready",
  );
  return new ResilientGateway({
    primary,
    mock,
    fallback: settings.fallback,
    probeTtlMs: settings.probeTtlMs,
    logger,
    ...(settings.retry && { retry: settings.retry }),
    ...(deps.clock && { clock: deps.clock }),
    ...(deps.random && { random: deps.random }),
    ...(deps.onOutcome && { onOutcome: deps.onOutcome }),
  });
}

function primaryAdapter(settings: PaymentSettings, mock: MockPaymentAdapter): PaymentAdapter {
  // Settings built in code skip the env checks; live money still needs the explicit opt-in.
  if (
    settings.provider !== "mock" &&
    /^(sk|rk)_live_/.test(settings.secretKey ?? "") &&
    !settings.allowLiveKeys
  ) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY is a live key; set STRIPE_ALLOW_LIVE_KEYS=true to take real payments.",
    );
  }
  const redirectUrl = settings.publicUrl ? new URL("/", settings.publicUrl).href : undefined;
  switch (settings.provider) {
    case "mock":
      return mock;
    case "stripe":
      return new StripePaymentAdapter({
        secretKey: required(settings.secretKey, "STRIPE_SECRET_KEY"),
        ...(settings.apiUrl && { apiUrl: settings.apiUrl }),
        ...(redirectUrl && { redirectUrl }),
        ...(settings.retry?.attemptTimeoutMs && {
          requestTimeoutMs: settings.retry.attemptTimeoutMs,
        }),
      });
    case "stripe-mcp":
      return new StripeMcpPaymentAdapter({
        secretKey: required(settings.secretKey, "STRIPE_SECRET_KEY"),
        target: required(settings.mcp, "STRIPE_MCP_COMMAND or STRIPE_MCP_URL"),
        ...(redirectUrl && { redirectUrl }),
      });
  }
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new TypeError(`${name} is required for this payment provider`);
  return value;
}
