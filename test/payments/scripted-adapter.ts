import {
  type CreatePaymentLinkRequest,
  type PaymentAdapter,
  PaymentProviderError,
  type PaymentStatus,
} from "../../src/payments/index.ts";
import type { FakeClock } from "./helpers.ts";

export type Step = "ok" | PaymentProviderError;

/**
 * An adapter that follows a script, one step per call (the last step repeats),
 * and spends `costMs` of fake time on every call. Records what it was asked.
 */
export class ScriptedAdapter implements PaymentAdapter {
  readonly provider = "stripe" as const;
  readonly simulated = false;
  readonly calls: { key: string; at: number }[] = [];
  readonly statusCalls: number[] = [];
  probeCalls = 0;
  probeStep: Step = "ok";
  statuses: PaymentStatus[] = ["pending"];
  /** When set, status calls never answer (per-poll timeouts). */
  hangStatus = false;

  readonly clock: FakeClock;
  readonly steps: Step[];
  readonly costMs: number;

  constructor(clock: FakeClock, steps: Step[] = ["ok"], costMs = 0) {
    this.clock = clock;
    this.steps = steps;
    this.costMs = costMs;
  }

  async createPaymentLink(
    request: CreatePaymentLinkRequest,
  ): Promise<{ url: string; paymentId: string }> {
    this.calls.push({ key: request.idempotencyKey, at: this.clock.now() });
    const step = this.steps[Math.min(this.calls.length - 1, this.steps.length - 1)] ?? "ok";
    this.clock.advance(this.costMs);
    await Promise.resolve();
    if (step !== "ok") throw step;
    const id = `plink_${request.idempotencyKey.split(".")[1]}`;
    return { url: `https://buy.stripe.test/${id}`, paymentId: id };
  }

  async getStatus(): Promise<PaymentStatus> {
    this.statusCalls.push(this.clock.now());
    if (this.hangStatus) return new Promise<PaymentStatus>(() => {});
    const index = Math.min(this.statusCalls.length - 1, this.statuses.length - 1);
    return this.statuses[index] ?? "pending";
  }

  async probe(): Promise<void> {
    this.probeCalls += 1;
    if (this.probeStep !== "ok") throw this.probeStep;
  }

  owns(paymentId: string): boolean {
    return paymentId.startsWith("plink_");
  }
}

export const failure = (
  kind: ConstructorParameters<typeof PaymentProviderError>[0],
  status?: number,
) => new PaymentProviderError(kind, `scripted ${kind}`, status === undefined ? {} : { status });
