import Stripe from "stripe";
import type { Logger } from "../config/index.ts";
import { silentLogger } from "../config/index.ts";
import { SESSION_ID_PATTERN } from "./idempotency.ts";

/** Metadata key that ties a Stripe object to a Maya session (copied from link to checkout session by Stripe). */
export const SESSION_METADATA_KEY = "maya_session_id";

/** Stripe's default: a signed event older than this is refused (replays of captured requests). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** What completing a session's payment did; the wiring maps the state store's answer onto it. */
export type PaymentCompletion = "completed" | "already_completed" | "not_found";

export interface StripeWebhookDeps {
  /** `whsec_…` from the Stripe dashboard or CLI. */
  webhookSecret: string;
  /** Atomically records the event id; true the first time, false for a replay. */
  markEventProcessed(eventId: string): Promise<boolean>;
  /** Undoes `markEventProcessed` when recording the payment failed, so Stripe's retry is processed. */
  forgetEvent?(eventId: string): Promise<void>;
  /** Completes the session's payment exactly once (state's atomic completion). */
  completePayment(sessionId: string, paymentId: string): Promise<PaymentCompletion>;
  /** For links made without metadata (the MCP tools cannot set it): find the session by payment id. */
  sessionIdForPayment?(paymentId: string): Promise<string | undefined>;
  now?: () => number;
  logger?: Logger;
  toleranceSeconds?: number;
}

export interface WebhookResponse {
  status: 200 | 400 | 500;
  body: { received: boolean; duplicate?: boolean; ignored?: boolean; error?: string };
}

const COMPLETING_EVENTS = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
]);
const EVENT_ID_PATTERN = /^evt_[A-Za-z0-9_]{1,255}$/;

interface CheckoutSessionLike {
  id?: unknown;
  payment_link?: unknown;
  payment_status?: unknown;
  metadata?: Record<string, unknown> | null;
}

/**
 * `POST /webhooks/stripe`. The body must be the raw bytes Stripe sent (the
 * signature covers them). Verification failures touch nothing and answer 400;
 * a replayed event answers 200 and changes nothing; a store failure answers
 * 500 so Stripe delivers the event again later.
 */
export async function handleStripeWebhook(
  rawBody: Buffer | string,
  signatureHeader: string | undefined,
  deps: StripeWebhookDeps,
): Promise<WebhookResponse> {
  const log = deps.logger ?? silentLogger();
  if (!signatureHeader) {
    log.warn(
      { event: "payments.webhook_signature_failed", reason: "missing_header" },
      "webhook without signature",
    );
    return refuse("Missing Stripe-Signature header.");
  }

  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      deps.webhookSecret,
      deps.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      (deps.now ?? Date.now)(),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const stale = /tolerance/i.test(message);
    const name = stale ? "payments.webhook_stale" : "payments.webhook_signature_failed";
    log.warn(
      { event: name },
      stale ? "webhook timestamp outside tolerance" : "webhook signature rejected",
    );
    return refuse(
      stale ? "Webhook timestamp is too old." : "Webhook signature verification failed.",
    );
  }

  if (typeof event.id !== "string" || !EVENT_ID_PATTERN.test(event.id)) {
    return refuse("Webhook event has no valid id.");
  }
  if (!COMPLETING_EVENTS.has(event.type)) {
    log.debug({ event: "payments.webhook_ignored", type: event.type }, "webhook event ignored");
    return { status: 200, body: { received: true, ignored: true } };
  }

  const session = event.data.object as CheckoutSessionLike;
  const paid =
    session.payment_status === "paid" || session.payment_status === "no_payment_required";
  const paymentId = typeof session.payment_link === "string" ? session.payment_link : undefined;
  if (!paid || !paymentId) {
    // Delayed payment methods complete the session before the money arrives; wait for async_payment_succeeded.
    log.info(
      { event: "payments.webhook_ignored", type: event.type, paid },
      "checkout not (yet) paid or not from a link",
    );
    return { status: 200, body: { received: true, ignored: true } };
  }

  try {
    const sessionId = await sessionOf(session, paymentId, deps);
    if (!sessionId) {
      log.info(
        { event: "payments.webhook_ignored", type: event.type },
        "checkout for a link that is not ours",
      );
      return { status: 200, body: { received: true, ignored: true } };
    }
    const first = await deps.markEventProcessed(event.id);
    if (!first) {
      log.info(
        { event: "payments.webhook_replayed", eventId: event.id },
        "webhook event already processed",
      );
      return { status: 200, body: { received: true, duplicate: true } };
    }
    let outcome: PaymentCompletion;
    try {
      outcome = await deps.completePayment(sessionId, paymentId);
    } catch (error) {
      await deps.forgetEvent?.(event.id);
      throw error;
    }
    log.info(
      { event: "payments.webhook_payment_completed", eventId: event.id, paymentId, outcome },
      "webhook processed",
    );
    return { status: 200, body: { received: true } };
  } catch (error) {
    log.error(
      {
        event: "payments.webhook_processing_failed",
        eventId: event.id,
        err: error instanceof Error ? error.message : String(error),
      },
      "webhook could not be recorded",
    );
    return {
      status: 500,
      body: { received: false, error: "Temporarily unable to record the event." },
    };
  }
}

async function sessionOf(
  session: CheckoutSessionLike,
  paymentId: string,
  deps: StripeWebhookDeps,
): Promise<string | undefined> {
  const fromMetadata = session.metadata?.[SESSION_METADATA_KEY];
  if (typeof fromMetadata === "string") {
    return SESSION_ID_PATTERN.test(fromMetadata) ? fromMetadata : undefined;
  }
  return deps.sessionIdForPayment?.(paymentId);
}

function refuse(error: string): WebhookResponse {
  return { status: 400, body: { received: false, error } };
}
