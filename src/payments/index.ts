/**
 * Payments: one `PaymentGateway` port, adapters for Stripe (API and MCP) and
 * Maya's own mock checkout, a resilience layer around any of them, and the
 * Stripe webhook handler. Depends on `bar` for money only; storage effects go
 * through small ports (`MockPaymentRecords`, the webhook deps) that the caller
 * wires to the state store.
 */

export { PaymentProviderError, type ProviderErrorKind } from "./errors.ts";
export { createPaymentGateway, type PaymentGatewayDeps } from "./gateway.ts";
export {
  IDEMPOTENCY_KEY_PATTERN,
  isIdempotencyKey,
  newIdempotencyKey,
  SESSION_ID_PATTERN,
} from "./idempotency.ts";
export {
  MOCK_ID_PATTERN,
  MockPaymentAdapter,
  mockCheckoutPath,
  mockPaymentId,
} from "./mock/adapter.ts";
export {
  MockCheckout,
  type MockCheckoutOptions,
  type MockCheckoutOutcome,
  type MockCheckoutResponse,
} from "./mock/checkout.ts";
export {
  InMemoryMockPaymentRecords,
  type MockPaymentRecord,
  type MockPaymentRecords,
} from "./mock/records.ts";
export { MAX_AMOUNT_CENTS } from "./request.ts";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./resilience/backoff.ts";
export { type Clock, systemClock } from "./resilience/clock.ts";
export {
  type PaymentOutcomeEvent,
  ResilientGateway,
  type ResilientGatewayOptions,
} from "./resilience/gateway.ts";
export { type PaymentSettings, paymentSettingsFromEnv } from "./settings.ts";
export { STRIPE_API_VERSION, StripePaymentAdapter } from "./stripe/adapter.ts";
export { StripeMcpPaymentAdapter, type StripeMcpTarget } from "./stripe-mcp/adapter.ts";
export type {
  CreatePaymentLinkRequest,
  CreatePaymentLinkResult,
  FallbackMode,
  PaymentAdapter,
  PaymentFailure,
  PaymentFailureCode,
  PaymentGateway,
  PaymentLink,
  PaymentStatus,
  PaymentStatusResult,
  PollOptions,
  PollOutcome,
  ProbeResult,
  ProviderName,
} from "./types.ts";
export {
  handleStripeWebhook,
  type PaymentCompletion,
  SESSION_METADATA_KEY,
  type StripeWebhookDeps,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookResponse,
} from "./webhook.ts";
