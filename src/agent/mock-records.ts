import type { MockPaymentRecord, MockPaymentRecords, PaymentStatus } from "../payments/index.ts";
import type { JsonValue, SessionStore } from "../state/index.ts";

/**
 * The mock checkout's records on the state store's shared record API, so a
 * link made on one instance can be paid on another (Redis). `replaceIf` is a
 * compare-and-set built from an atomic "store if absent" claim: statuses only
 * move forward, so each status can be left exactly once.
 */
const RECORDS = "mockpay";
const TRANSITIONS = "mockpay-moved";

export function storeMockRecords(store: SessionStore): MockPaymentRecords {
  return {
    async putIfAbsent(id, record, ttlMs) {
      await store.putRecord(RECORDS, id, record as unknown as JsonValue, { ttlMs, ifAbsent: true });
      return (
        ((await store.getRecord(RECORDS, id)) as unknown as MockPaymentRecord | null) ?? record
      );
    },
    async get(id) {
      return (
        ((await store.getRecord(RECORDS, id)) as unknown as MockPaymentRecord | null) ?? undefined
      );
    },
    async replaceIf(id, expected: PaymentStatus, next, ttlMs) {
      const current = (await store.getRecord(RECORDS, id)) as unknown as MockPaymentRecord | null;
      if (!current || current.status !== expected) return false;
      const claimed = await store.putRecord(TRANSITIONS, `${id}.${expected}`, true, {
        ttlMs,
        ifAbsent: true,
      });
      if (!claimed) return false;
      await store.putRecord(RECORDS, id, next as unknown as JsonValue, { ttlMs });
      return true;
    },
  };
}
