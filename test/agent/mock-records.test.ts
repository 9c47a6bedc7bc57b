import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { storeMockRecords } from "../../src/agent/index.ts";
import type { MockPaymentRecord } from "../../src/payments/index.ts";
import { openStore, type SessionStore } from "../../src/state/index.ts";

const record = (status: MockPaymentRecord["status"]): MockPaymentRecord => ({
  id: "mock_0123456789abcdef0123456789abcdef",
  sessionId: "s".repeat(20),
  amountCents: 1_300,
  currency: "usd",
  description: "MOK 5-ha bar tab",
  status,
  createdAt: 1,
  expiresAt: Date.now() + 60_000,
});

describe("mock checkout records on the session store", () => {
  let store: SessionStore;
  before(async () => {
    store = await openStore("memory:");
  });
  after(() => store.close());

  it("stores once: a second putIfAbsent returns the first record", async () => {
    const records = storeMockRecords(store);
    const first = await records.putIfAbsent("mock_a", record("pending"), 60_000);
    const second = await records.putIfAbsent(
      "mock_a",
      { ...record("pending"), amountCents: 99 },
      60_000,
    );
    assert.equal(first.amountCents, 1_300);
    assert.equal(second.amountCents, 1_300);
    assert.equal((await records.get("mock_a"))?.amountCents, 1_300);
    assert.equal(await records.get("mock_missing"), undefined);
  });

  it("leaves a status exactly once, however many try at the same time", async () => {
    const records = storeMockRecords(store);
    await records.putIfAbsent("mock_b", record("pending"), 60_000);
    const wins = await Promise.all(
      Array.from({ length: 20 }, () =>
        records.replaceIf("mock_b", "pending", record("succeeded"), 60_000),
      ),
    );
    assert.equal(wins.filter(Boolean).length, 1);
    assert.equal((await records.get("mock_b"))?.status, "succeeded");
    assert.equal(await records.replaceIf("mock_b", "pending", record("failed"), 60_000), false);
  });
});
