import { createHash } from "node:crypto";
import { PaymentProviderError } from "../errors.ts";
import type { CreatePaymentLinkRequest, PaymentAdapter, PaymentStatus } from "../types.ts";
import type { MockPaymentRecord, MockPaymentRecords } from "./records.ts";

export const MOCK_ID_PATTERN = /^mock_[0-9a-f]{32}$/;

/** How long a mock checkout stays payable, and how long its record is kept afterwards. */
export const MOCK_LINK_TTL_MS = 60 * 60 * 1000;
export const MOCK_RECORD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The id is derived from the idempotency key, so every instance that sees the
 * same key lands on the same record: idempotent across processes for free.
 * Hashing keeps the key itself out of URLs.
 */
export function mockPaymentId(idempotencyKey: string): string {
  return `mock_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}`;
}

export function mockCheckoutPath(id: string): string {
  return `/pay/mock/${id}`;
}

/** The pending → expired rule, applied on read. */
export function effectiveStatus(record: MockPaymentRecord, now: number): PaymentStatus {
  return record.status === "pending" && now >= record.expiresAt ? "expired" : record.status;
}

/** Maya's own checkout: no money moves, the whole flow works offline and by hand. */
export class MockPaymentAdapter implements PaymentAdapter {
  readonly provider = "mock" as const;
  readonly simulated = true;
  readonly #records: MockPaymentRecords;
  readonly #baseUrl: string;
  readonly #now: () => number;

  constructor(options: {
    records: MockPaymentRecords;
    /** Public origin for absolute links (e.g. https://bar.example); "" gives site-relative links. */
    baseUrl?: string;
    now?: () => number;
  }) {
    this.#records = options.records;
    this.#baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
    this.#now = options.now ?? Date.now;
  }

  async createPaymentLink(
    request: CreatePaymentLinkRequest,
  ): Promise<{ url: string; paymentId: string }> {
    const id = mockPaymentId(request.idempotencyKey);
    const now = this.#now();
    const wanted: MockPaymentRecord = {
      id,
      sessionId: request.metadata.sessionId,
      amountCents: request.amountCents,
      currency: request.currency,
      description: request.description,
      status: "pending",
      createdAt: now,
      expiresAt: now + MOCK_LINK_TTL_MS,
    };
    const stored = await this.#records.putIfAbsent(id, wanted, MOCK_RECORD_TTL_MS);
    if (
      stored.amountCents !== wanted.amountCents ||
      stored.currency !== wanted.currency ||
      stored.sessionId !== wanted.sessionId
    ) {
      throw new PaymentProviderError(
        "idempotency_mismatch",
        "mock payment key reused with other parameters",
      );
    }
    return { url: `${this.#baseUrl}${mockCheckoutPath(id)}`, paymentId: id };
  }

  async getStatus(paymentId: string): Promise<PaymentStatus> {
    const record = MOCK_ID_PATTERN.test(paymentId) ? await this.#records.get(paymentId) : undefined;
    if (!record)
      throw new PaymentProviderError("not_found", "no such mock payment", { status: 404 });
    return effectiveStatus(record, this.#now());
  }

  async probe(): Promise<void> {}

  owns(paymentId: string): boolean {
    return MOCK_ID_PATTERN.test(paymentId);
  }
}
