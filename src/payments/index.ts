/**
 * Payments: one `PaymentGateway` port, adapters for Stripe (API and MCP) and
 * Maya's own mock checkout, a resilience layer around any of them, and the
 * Stripe webhook handler. Depends on `bar` for money only; storage effects go
 * through small ports the caller wires to the state store.
 */

export {
  IDEMPOTENCY_KEY_PATTERN,
  isIdempotencyKey,
  newIdempotencyKey,
  SESSION_ID_PATTERN,
} from "./idempotency.ts";
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
