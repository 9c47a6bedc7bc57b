/**
 * The payment port: what the agent and the web server see, whichever provider
 * (Stripe API, Stripe MCP, Maya's own mock checkout) stands behind it.
 * Money is integer cents; expected failures are typed results, never throws.
 */

export type ProviderName = "mock" | "stripe" | "stripe-mcp";

/** What happens when the configured provider is unavailable or out of attempts. */
export type FallbackMode = "mock" | "fail";

export type PaymentStatus = "pending" | "succeeded" | "failed" | "expired";

export interface CreatePaymentLinkRequest {
  /** Positive integer cents. */
  amountCents: number;
  /** ISO 4217, lower case, e.g. "usd". */
  currency: string;
  /** Shown to the guest on the checkout page. */
  description: string;
  /** From `newIdempotencyKey(sessionId)`, stored in state before the call and reused on retries. */
  idempotencyKey: string;
  metadata: { sessionId: string };
}

export interface PaymentLink {
  url: string;
  /** Provider id (Stripe `plink_…`, mock `mock_…`); pass it to `getStatus`. */
  paymentId: string;
  /** True when no real money moves (mock provider or mock fallback). */
  simulated: boolean;
  /** The provider that actually made the link. */
  provider: ProviderName;
  /** Set when the configured provider failed and the mock stood in ("mock"). */
  fallback: "mock" | null;
}

export type PaymentFailureCode =
  /** The provider cannot be reached and the fallback is "fail". */
  | "payment_unavailable"
  /** Amount, currency, description or key malformed; nothing was sent. */
  | "invalid_payment_request"
  /** The idempotency key was already used for a different amount or session. */
  | "idempotency_key_reused"
  /** No payment with that id (or its record expired). */
  | "payment_not_found";

export interface PaymentFailure {
  code: PaymentFailureCode;
  /** One clear sentence a guest or operator can read. */
  message: string;
}

export type CreatePaymentLinkResult =
  | ({ ok: true } & PaymentLink)
  | { ok: false; failure: PaymentFailure };

export type PaymentStatusResult =
  | { ok: true; status: PaymentStatus }
  | { ok: false; failure: PaymentFailure };

export interface ProbeResult {
  available: boolean;
  provider: ProviderName;
  /** Epoch ms when the provider was actually asked (cached results keep it). */
  checkedAt: number;
  /** Why it is unavailable (no secrets). */
  reason?: string;
}

/** How a status poll ends. */
export type PollOutcome = PaymentStatus | "timeout";

export interface PollOptions {
  /** Pause between polls (default 2 s). */
  intervalMs?: number;
  /** Deadline of one status call (default 5 s). */
  perPollTimeoutMs?: number;
  /** Wall-clock budget for the whole wait (default 10 min). */
  deadlineMs?: number;
  signal?: AbortSignal;
}

/** The public port. Never throws for expected failures. */
export interface PaymentGateway {
  readonly provider: ProviderName;
  readonly fallbackMode: FallbackMode;
  createPaymentLink(request: CreatePaymentLinkRequest): Promise<CreatePaymentLinkResult>;
  getStatus(paymentId: string): Promise<PaymentStatusResult>;
  /** Polls until succeeded, failed, expired, or the deadline (→ "timeout"). */
  waitForPayment(paymentId: string, options?: PollOptions): Promise<PollOutcome>;
  /** Cheap availability check, cached for the probe TTL (failures too). */
  probe(): Promise<ProbeResult>;
  close(): Promise<void>;
}

/**
 * What each provider adapter implements. Adapters throw `PaymentProviderError`
 * (retryable or not); the resilience layer turns those into typed results.
 */
export interface PaymentAdapter {
  readonly provider: ProviderName;
  readonly simulated: boolean;
  createPaymentLink(
    request: CreatePaymentLinkRequest,
    options: { signal: AbortSignal },
  ): Promise<{ url: string; paymentId: string }>;
  getStatus(paymentId: string, options: { signal: AbortSignal }): Promise<PaymentStatus>;
  probe(options: { signal: AbortSignal }): Promise<void>;
  /** True when this adapter made `paymentId` (routes status calls after a fallback). */
  owns(paymentId: string): boolean;
  close?(): Promise<void>;
}
