import Stripe from "stripe";
import type { Clock, CreatePaymentLinkRequest } from "../../src/payments/index.ts";
import { newIdempotencyKey } from "../../src/payments/index.ts";

/** A clock that only moves when something sleeps (or the test says so). */
export class FakeClock implements Clock {
  time = 1_800_000_000_000;
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export function linkRequest(
  sessionId: string,
  amountCents = 2_750,
  key = newIdempotencyKey(sessionId),
): CreatePaymentLinkRequest {
  return {
    amountCents,
    currency: "usd",
    description: "Maya's bar: your tab and tip",
    idempotencyKey: key,
    metadata: { sessionId },
  };
}

export const WEBHOOK_SECRET = "whsec_testsecret0123456789abcdef";

/** A body and Stripe-Signature header exactly as Stripe would send them. */
export function signedEvent(
  event: { id: string; type: string; object: Record<string, unknown> },
  options: { secret?: string; timestampSeconds?: number } = {},
): { body: string; header: string } {
  const body = JSON.stringify({
    id: event.id,
    object: "event",
    type: event.type,
    api_version: "2026-10-28.endive",
    created: options.timestampSeconds ?? Math.floor(Date.now() / 1000),
    data: { object: event.object },
  });
  const header = Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? WEBHOOK_SECRET,
    ...(options.timestampSeconds !== undefined && { timestamp: options.timestampSeconds }),
  });
  return { body, header };
}
