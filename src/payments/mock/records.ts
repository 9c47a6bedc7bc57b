import type { PaymentStatus } from "../types.ts";

/** One mock checkout, as stored; plain JSON so any store can keep it. */
export interface MockPaymentRecord {
  id: string;
  sessionId: string;
  amountCents: number;
  currency: string;
  description: string;
  status: PaymentStatus;
  createdAt: number;
  /** Epoch ms after which a pending record counts as expired. */
  expiresAt: number;
  completedAt?: number;
}

/**
 * Where mock checkouts live. Several server instances share one store (Redis),
 * so a link made on one instance can be paid on another. The wiring adapts the
 * state store's shared records; `InMemoryMockPaymentRecords` serves one process.
 */
export interface MockPaymentRecords {
  /** Stores `record` unless `id` exists already; returns whatever is stored afterwards. Atomic. */
  putIfAbsent(id: string, record: MockPaymentRecord, ttlMs: number): Promise<MockPaymentRecord>;
  get(id: string): Promise<MockPaymentRecord | undefined>;
  /**
   * Replaces the record only while its status is `expected`; true when it did.
   * Atomic. Statuses only move forward (pending → succeeded), never back, so a
   * one-shot claim per status is a valid implementation.
   */
  replaceIf(
    id: string,
    expected: PaymentStatus,
    next: MockPaymentRecord,
    ttlMs: number,
  ): Promise<boolean>;
}

/** A single-process store with lazy TTL expiry (tests, `memory:` runs, one instance). */
export class InMemoryMockPaymentRecords implements MockPaymentRecords {
  readonly #records = new Map<string, { record: MockPaymentRecord; until: number }>();
  readonly #now: () => number;
  readonly #maxRecords: number;

  constructor(options: { now?: () => number; maxRecords?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxRecords = options.maxRecords ?? 10_000;
  }

  async putIfAbsent(
    id: string,
    record: MockPaymentRecord,
    ttlMs: number,
  ): Promise<MockPaymentRecord> {
    const existing = this.#live(id);
    if (existing) return structuredClone(existing);
    this.#records.set(id, { record: structuredClone(record), until: this.#now() + ttlMs });
    this.#evictOverflow();
    return structuredClone(record);
  }

  async get(id: string): Promise<MockPaymentRecord | undefined> {
    const record = this.#live(id);
    return record && structuredClone(record);
  }

  async replaceIf(
    id: string,
    expected: PaymentStatus,
    next: MockPaymentRecord,
    ttlMs: number,
  ): Promise<boolean> {
    const current = this.#live(id);
    if (!current || current.status !== expected) return false;
    this.#records.set(id, { record: structuredClone(next), until: this.#now() + ttlMs });
    return true;
  }

  #live(id: string): MockPaymentRecord | undefined {
    const entry = this.#records.get(id);
    if (!entry) return undefined;
    if (entry.until <= this.#now()) {
      this.#records.delete(id);
      return undefined;
    }
    return entry.record;
  }

  /** Bounded memory: the oldest records go first. */
  #evictOverflow(): void {
    while (this.#records.size > this.#maxRecords) {
      const oldest = this.#records.keys().next().value;
      if (oldest === undefined) return;
      this.#records.delete(oldest);
    }
  }
}
