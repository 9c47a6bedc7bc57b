import type { Logger } from "../../config/index.ts";
import { silentLogger } from "../../config/index.ts";
import { asProviderError, PaymentProviderError } from "../errors.ts";
import { requestFingerprint, validateLinkRequest } from "../request.ts";
import type {
  CreatePaymentLinkRequest,
  CreatePaymentLinkResult,
  FallbackMode,
  PaymentAdapter,
  PaymentFailure,
  PaymentGateway,
  PaymentStatusResult,
  PollOptions,
  PollOutcome,
  ProbeResult,
  ProviderName,
} from "../types.ts";
import { DEFAULT_RETRY_POLICY, fullJitterDelay, type RetryPolicy } from "./backoff.ts";
import { type Clock, systemClock } from "./clock.ts";
import { ProbeCache } from "./probe-cache.ts";
import { SingleFlight } from "./single-flight.ts";
import { withTimeout } from "./timeout.ts";

/** Something worth counting in /metrics; the server wires it to prom-client. */
export type PaymentOutcomeEvent =
  | {
      type: "link_created";
      provider: ProviderName;
      fallback: "mock" | null;
      attempts: number;
      ms: number;
    }
  | { type: "link_failed"; code: PaymentFailure["code"]; attempts: number; ms: number }
  | { type: "attempt_failed"; provider: ProviderName; kind: PaymentProviderError["kind"] };

export interface ResilientGatewayOptions {
  /** The configured provider. */
  primary: PaymentAdapter;
  /** Maya's mock checkout: the fallback, and the owner of `mock_…` ids. */
  mock?: PaymentAdapter;
  /** What to do when the primary is unavailable or out of attempts. */
  fallback: FallbackMode;
  retry?: Partial<RetryPolicy>;
  /** How long a probe answer (good or bad) is trusted; default 30 s. */
  probeTtlMs?: number;
  probeTimeoutMs?: number;
  /** Deadline of one status call; default 5 s. */
  statusTimeoutMs?: number;
  clock?: Clock;
  /** Uniform in [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
  logger?: Logger;
  onOutcome?: (event: PaymentOutcomeEvent) => void;
}

type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: PaymentProviderError; attempts: number };

const UNAVAILABLE: PaymentFailure = {
  code: "payment_unavailable",
  message:
    "The payment service is unavailable right now, so nothing was charged; please try again in a minute.",
};
/** Seen here (same key, another fingerprint) or by the provider (idempotency_mismatch). */
const KEY_REUSED: PaymentFailure = {
  code: "idempotency_key_reused",
  message: "That payment key was already used for a different amount; start a new payment.",
};
const PAYMENT_ID_PATTERN = /^[A-Za-z0-9_]{1,255}$/;
const MAX_REMEMBERED_KEYS = 10_000;

/**
 * Wraps any adapter with the payment rules: validated requests, one in-flight
 * call per idempotency key, a key never reused for another amount, bounded
 * retries with full-jitter backoff inside an overall deadline, a cached
 * availability probe, and an immediate fallback (mock or a typed failure).
 */
export class ResilientGateway implements PaymentGateway {
  readonly provider: ProviderName;
  readonly fallbackMode: FallbackMode;
  readonly #primary: PaymentAdapter;
  readonly #mock: PaymentAdapter | undefined;
  readonly #policy: RetryPolicy;
  readonly #statusTimeoutMs: number;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #log: Logger;
  readonly #onOutcome: (event: PaymentOutcomeEvent) => void;
  readonly #probe: ProbeCache;
  readonly #flight = new SingleFlight<CreatePaymentLinkResult>();
  /** idempotency key → fingerprint of the request it was first used for. */
  readonly #fingerprints = new Map<string, string>();

  constructor(options: ResilientGatewayOptions) {
    this.#primary = options.primary;
    this.#mock = options.mock;
    this.provider = options.primary.provider;
    this.fallbackMode = options.fallback;
    this.#policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 5_000;
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#log = options.logger ?? silentLogger();
    this.#onOutcome = options.onOutcome ?? (() => {});
    const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
    this.#probe = new ProbeCache({
      provider: this.provider,
      ttlMs: options.probeTtlMs ?? 30_000,
      clock: this.#clock,
      probe: () =>
        withTimeout(probeTimeoutMs, `${this.provider} probe`, (signal) =>
          this.#primary.probe({ signal }),
        ),
    });
  }

  /** Real probes run so far (not cache hits). */
  get probeCount(): number {
    return this.#probe.probes;
  }

  probe(): Promise<ProbeResult> {
    return this.#probe.get();
  }

  async createPaymentLink(request: CreatePaymentLinkRequest): Promise<CreatePaymentLinkResult> {
    const valid = validateLinkRequest(request);
    if (!valid.ok) return valid;
    const key = request.idempotencyKey;
    const fingerprint = requestFingerprint(request);
    const known = this.#fingerprints.get(key);
    if (known !== undefined && known !== fingerprint) {
      this.#log.warn(
        { event: "payments.idempotency_key_reused" },
        "idempotency key reused for another amount",
      );
      return { ok: false, failure: KEY_REUSED };
    }
    this.#remember(key, fingerprint);
    return this.#flight.run(key, () => this.#create(valid.request));
  }

  async getStatus(paymentId: string): Promise<PaymentStatusResult> {
    const adapter = this.#ownerOf(paymentId);
    if (!adapter) return notFound();
    const statusPolicy = {
      ...this.#policy,
      maxAttempts: 2,
      overallDeadlineMs: this.#statusTimeoutMs * 2,
    };
    const result = await this.#withRetries(adapter, statusPolicy, this.#statusTimeoutMs, (signal) =>
      adapter.getStatus(paymentId, { signal }),
    );
    if (result.ok) return { ok: true, status: result.value };
    if (result.error.kind === "not_found") return notFound();
    return { ok: false, failure: UNAVAILABLE };
  }

  async waitForPayment(paymentId: string, options: PollOptions = {}): Promise<PollOutcome> {
    const intervalMs = options.intervalMs ?? 2_000;
    const perPollTimeoutMs = options.perPollTimeoutMs ?? this.#statusTimeoutMs;
    const deadline = this.#clock.now() + (options.deadlineMs ?? 600_000);
    const adapter = this.#ownerOf(paymentId);
    if (!adapter) return "expired";
    for (;;) {
      const remaining = deadline - this.#clock.now();
      if (remaining <= 0 || options.signal?.aborted) return "timeout";
      try {
        const status = await withTimeout(
          Math.min(perPollTimeoutMs, remaining),
          `${adapter.provider} status`,
          (signal) => adapter.getStatus(paymentId, { signal }),
          options.signal,
        );
        if (status !== "pending") return status;
      } catch (error) {
        const failure = asProviderError(error);
        // A payment nobody knows (or whose record ran out) will never complete.
        if (failure.kind === "not_found") return "expired";
        this.#log.debug(
          { event: "payments.poll_failed", kind: failure.kind },
          "status poll failed",
        );
      }
      const left = deadline - this.#clock.now();
      if (left <= 0) return "timeout";
      await this.#clock.sleep(Math.min(intervalMs, left), options.signal);
    }
  }

  async close(): Promise<void> {
    await this.#primary.close?.();
    if (this.#mock && this.#mock !== this.#primary) await this.#mock.close?.();
  }

  async #create(request: CreatePaymentLinkRequest): Promise<CreatePaymentLinkResult> {
    const started = this.#clock.now();
    const probe = await this.#probe.get();
    if (!probe.available) return this.#fallBack(request, probe.reason ?? "unavailable", 0, started);

    const primary = this.#primary;
    const result = await this.#withRetries(
      primary,
      this.#policy,
      this.#policy.attemptTimeoutMs,
      (signal) => primary.createPaymentLink(request, { signal }),
    );
    const ms = this.#clock.now() - started;
    if (result.ok) {
      this.#probe.markUp();
      this.#onOutcome({
        type: "link_created",
        provider: primary.provider,
        fallback: null,
        attempts: result.attempts,
        ms,
      });
      return {
        ok: true,
        ...result.value,
        simulated: primary.simulated,
        provider: primary.provider,
        fallback: null,
      };
    }
    const { error, attempts } = result;
    if (error.kind === "idempotency_mismatch") {
      return this.#failed(attempts, started, KEY_REUSED);
    }
    if (error.kind === "invalid_request" || error.kind === "not_found") {
      this.#log.error(
        { event: "payments.request_rejected", provider: primary.provider, status: error.status },
        error.message,
      );
      return this.#failed(attempts, started, {
        code: "invalid_payment_request",
        message: "The payment provider rejected the payment request, so nothing was charged.",
      });
    }
    // Out of attempts, out of time, or a key the provider refuses: treat as down until the next probe.
    this.#probe.markDown(`${error.kind}: ${error.message}`);
    return this.#fallBack(request, `${error.kind}: ${error.message}`, attempts, started);
  }

  async #fallBack(
    request: CreatePaymentLinkRequest,
    reason: string,
    attempts: number,
    started: number,
  ): Promise<CreatePaymentLinkResult> {
    const mock = this.#mock;
    if (this.fallbackMode === "mock" && mock && mock !== this.#primary) {
      this.#log.warn(
        { event: "payments.fallback_mock", provider: this.provider, reason },
        "payment provider unavailable; using the mock checkout",
      );
      try {
        const link = await withTimeout(this.#policy.attemptTimeoutMs, "mock link", (signal) =>
          mock.createPaymentLink(request, { signal }),
        );
        const ms = this.#clock.now() - started;
        this.#onOutcome({ type: "link_created", provider: "mock", fallback: "mock", attempts, ms });
        return { ok: true, ...link, simulated: true, provider: "mock", fallback: "mock" };
      } catch (error) {
        reason = `mock fallback failed too: ${asProviderError(error).message}`;
      }
    }
    this.#log.error(
      { event: "payments.unavailable", provider: this.provider, reason },
      "payment service unavailable",
    );
    return this.#failed(attempts, started, UNAVAILABLE);
  }

  #failed(attempts: number, started: number, failure: PaymentFailure): CreatePaymentLinkResult {
    this.#onOutcome({
      type: "link_failed",
      code: failure.code,
      attempts,
      ms: this.#clock.now() - started,
    });
    return { ok: false, failure };
  }

  /** Retries retryable failures with full-jitter backoff; never sleeps past the overall deadline. */
  async #withRetries<T>(
    adapter: PaymentAdapter,
    policy: RetryPolicy,
    attemptTimeoutMs: number,
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<Attempted<T>> {
    const deadline = this.#clock.now() + policy.overallDeadlineMs;
    let lastError: PaymentProviderError | undefined;
    let attempts = 0;
    while (attempts < policy.maxAttempts) {
      const remaining = deadline - this.#clock.now();
      if (remaining <= 0) break;
      attempts += 1;
      try {
        const value = await withTimeout(
          Math.min(attemptTimeoutMs, remaining),
          `${adapter.provider} call`,
          call,
        );
        return { ok: true, value, attempts };
      } catch (error) {
        lastError = asProviderError(error);
        this.#onOutcome({
          type: "attempt_failed",
          provider: adapter.provider,
          kind: lastError.kind,
        });
        this.#log.warn(
          {
            event: "payments.attempt_failed",
            provider: adapter.provider,
            attempt: attempts,
            kind: lastError.kind,
            status: lastError.status,
          },
          "payment provider call failed",
        );
        if (!lastError.retryable || attempts >= policy.maxAttempts) break;
        const delay = fullJitterDelay(attempts, policy, this.#random);
        if (this.#clock.now() + delay >= deadline) break;
        await this.#clock.sleep(delay);
      }
    }
    const error =
      lastError ?? new PaymentProviderError("timeout", "no attempt fitted in the deadline");
    return { ok: false, error, attempts };
  }

  #ownerOf(paymentId: string): PaymentAdapter | undefined {
    if (typeof paymentId !== "string" || !PAYMENT_ID_PATTERN.test(paymentId)) return undefined;
    if (this.#mock?.owns(paymentId)) return this.#mock;
    return this.#primary.owns(paymentId) ? this.#primary : undefined;
  }

  #remember(key: string, fingerprint: string): void {
    this.#fingerprints.set(key, fingerprint);
    if (this.#fingerprints.size > MAX_REMEMBERED_KEYS) {
      const oldest = this.#fingerprints.keys().next().value;
      if (oldest !== undefined) this.#fingerprints.delete(oldest);
    }
  }
}

function notFound(): PaymentStatusResult {
  return {
    ok: false,
    failure: { code: "payment_not_found", message: "There is no payment with that id." },
  };
}
