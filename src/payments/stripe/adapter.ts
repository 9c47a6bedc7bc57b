import Stripe from "stripe";
import type { CreatePaymentLinkRequest, PaymentAdapter, PaymentStatus } from "../types.ts";
import { SESSION_METADATA_KEY } from "../webhook.ts";
import { fromStripeError } from "./errors.ts";

/** Pinned so a library upgrade never changes the API shape under us. */
export const STRIPE_API_VERSION = "2026-10-28.endive";

export interface StripeAdapterOptions {
  secretKey: string;
  /** Another API origin (the test server); default https://api.stripe.com. */
  apiUrl?: string;
  /** Where the guest lands after paying (optional). */
  redirectUrl?: string;
  /** Socket timeout of one HTTP request; the resilience layer sets it to the attempt timeout. */
  requestTimeoutMs?: number;
}

const PAYMENT_LINK_ID = /^plink_[A-Za-z0-9]+$/;

/**
 * Stripe through stripe-node: a price and a payment link limited to one
 * completed checkout, both created with keys derived from the attempt's
 * idempotency key so a retry replays instead of duplicating. stripe-node's own
 * retries are off; the resilience layer owns retries and deadlines.
 */
export class StripePaymentAdapter implements PaymentAdapter {
  readonly provider = "stripe" as const;
  readonly simulated = false;
  readonly #stripe: Stripe;
  readonly #redirectUrl: string | undefined;
  readonly #timeoutMs: number;

  constructor(options: StripeAdapterOptions) {
    const url = options.apiUrl ? new URL(options.apiUrl) : undefined;
    const protocol = url?.protocol === "http:" ? "http" : "https";
    this.#stripe = new Stripe(options.secretKey, {
      apiVersion: STRIPE_API_VERSION as Stripe.LatestApiVersion,
      maxNetworkRetries: 0,
      telemetry: false,
      ...(url && {
        host: url.hostname,
        port: Number(url.port || (protocol === "http" ? 80 : 443)),
        protocol,
      }),
    });
    this.#redirectUrl = options.redirectUrl;
    this.#timeoutMs = options.requestTimeoutMs ?? 10_000;
  }

  async createPaymentLink(
    request: CreatePaymentLinkRequest,
    { signal }: { signal: AbortSignal },
  ): Promise<{ url: string; paymentId: string }> {
    const metadata = { [SESSION_METADATA_KEY]: request.metadata.sessionId };
    try {
      const price = await this.#stripe.prices.create(
        {
          currency: request.currency,
          unit_amount: request.amountCents,
          product_data: { name: request.description },
          metadata,
        },
        { idempotencyKey: `${request.idempotencyKey}:price`, timeout: this.#timeout(signal) },
      );
      signal.throwIfAborted();
      const link = await this.#stripe.paymentLinks.create(
        {
          line_items: [{ price: price.id, quantity: 1 }],
          restrictions: { completed_sessions: { limit: 1 } },
          metadata,
          payment_intent_data: { metadata },
          ...(this.#redirectUrl && {
            after_completion: { type: "redirect", redirect: { url: this.#redirectUrl } },
          }),
        },
        { idempotencyKey: `${request.idempotencyKey}:link`, timeout: this.#timeout(signal) },
      );
      return { url: link.url, paymentId: link.id };
    } catch (error) {
      throw fromStripeError(error);
    }
  }

  /** From the link's checkout sessions: paid → succeeded; link switched off unpaid → expired. */
  async getStatus(paymentId: string, { signal }: { signal: AbortSignal }): Promise<PaymentStatus> {
    try {
      const sessions = await this.#stripe.checkout.sessions.list(
        { payment_link: paymentId, limit: 10 },
        { timeout: this.#timeout(signal) },
      );
      const paid = sessions.data.some(
        (s) =>
          s.status === "complete" &&
          (s.payment_status === "paid" || s.payment_status === "no_payment_required"),
      );
      if (paid) return "succeeded";
      signal.throwIfAborted();
      const link = await this.#stripe.paymentLinks.retrieve(
        paymentId,
        {},
        { timeout: this.#timeout(signal) },
      );
      return link.active ? "pending" : "expired";
    } catch (error) {
      throw fromStripeError(error);
    }
  }

  /** The balance endpoint: cheap, authenticated, no side effects. */
  async probe({ signal }: { signal: AbortSignal }): Promise<void> {
    try {
      await this.#stripe.balance.retrieve({}, { timeout: this.#timeout(signal) });
    } catch (error) {
      throw fromStripeError(error);
    }
  }

  /**
   * stripe-node takes a per-request timeout, not a signal; the resilience layer
   * races the signal anyway, so this only keeps sockets from lingering.
   */
  #timeout(signal: AbortSignal): number {
    signal.throwIfAborted();
    return this.#timeoutMs;
  }

  owns(paymentId: string): boolean {
    return PAYMENT_LINK_ID.test(paymentId);
  }
}
