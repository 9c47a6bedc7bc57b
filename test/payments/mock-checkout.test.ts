import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  InMemoryMockPaymentRecords,
  MockCheckout,
  MockPaymentAdapter,
  type MockPaymentRecords,
} from "../../src/payments/index.ts";
import { FakeClock, linkRequest } from "./helpers.ts";

function instance(records: MockPaymentRecords, clock: FakeClock, completions: [string, string][]) {
  const now = () => clock.now();
  return {
    adapter: new MockPaymentAdapter({ records, baseUrl: "https://bar.example", now }),
    checkout: new MockCheckout({
      records,
      now,
      // Like the state store: completing an already completed payment changes nothing.
      onCompleted: async (sessionId, paymentId) => {
        if (!completions.some(([, id]) => id === paymentId))
          completions.push([sessionId, paymentId]);
      },
    }),
  };
}

function setup() {
  const clock = new FakeClock();
  const records = new InMemoryMockPaymentRecords({ now: () => clock.now() });
  const completions: [string, string][] = [];
  return { clock, records, completions, ...instance(records, clock, completions) };
}

describe("mock checkout", () => {
  test("the page shows the amount, the description (escaped) and a plain form that posts back; no script", async () => {
    const { adapter, checkout } = setup();
    const request = {
      ...linkRequest("guest-1", 123_456),
      description: "Tab <script>alert(1)</script> & tip",
    };
    const link = await adapter.createPaymentLink(request);
    assert.equal(link.url, `https://bar.example/pay/mock/${link.paymentId}`);
    const page = await checkout.renderMockCheckoutPage(link.paymentId);
    assert.equal(page.status, 200);
    assert.match(page.html, /\$1,234\.56/);
    assert.match(page.html, /Tab &#60;script&#62;alert\(1\)&#60;\/script&#62; &#38; tip/);
    assert.match(
      page.html,
      new RegExp(`<form method="post" action="/pay/mock/${link.paymentId}">`),
    );
    assert.doesNotMatch(page.html, /<script|onclick|style=/i);
  });

  test("paying completes the session's payment exactly once; a second press says it is already paid", async () => {
    const { adapter, checkout, completions } = setup();
    const link = await adapter.createPaymentLink(linkRequest("guest-2"));
    const first = await checkout.completeMockPayment(link.paymentId);
    assert.equal(first.status, 200);
    assert.equal(first.outcome, "completed");
    assert.match(first.html, /\$27\.50 paid/);
    const second = await checkout.completeMockPayment(link.paymentId);
    assert.equal(second.status, 409);
    assert.equal(second.outcome, "already_completed");
    assert.deepEqual(completions, [["guest-2", link.paymentId]]);
    assert.equal(await adapter.getStatus(link.paymentId), "succeeded");
  });

  test("twenty simultaneous presses complete once", async () => {
    const { adapter, checkout, completions } = setup();
    const link = await adapter.createPaymentLink(linkRequest("guest-3"));
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => checkout.completeMockPayment(link.paymentId)),
    );
    assert.equal(answers.filter((a) => a.outcome === "completed").length, 1);
    assert.equal(completions.length, 1);
  });

  test("a link made on one instance is paid on another sharing the records", async () => {
    const clock = new FakeClock();
    const shared = new InMemoryMockPaymentRecords({ now: () => clock.now() });
    const completions: [string, string][] = [];
    const a = instance(shared, clock, completions);
    const b = instance(shared, clock, completions);
    const request = linkRequest("guest-4");
    const link = await a.adapter.createPaymentLink(request);
    assert.deepEqual(
      await b.adapter.createPaymentLink(request),
      link,
      "same key, same link on any instance",
    );
    assert.equal((await b.checkout.renderMockCheckoutPage(link.paymentId)).status, 200);
    assert.equal((await b.checkout.completeMockPayment(link.paymentId)).outcome, "completed");
    assert.equal(
      (await a.checkout.completeMockPayment(link.paymentId)).outcome,
      "already_completed",
    );
    assert.equal(completions.length, 1);
  });

  test("an expired link cannot be paid", async () => {
    const { adapter, checkout, clock, completions } = setup();
    const link = await adapter.createPaymentLink(linkRequest("guest-5"));
    clock.advance(60 * 60 * 1000);
    assert.equal(await adapter.getStatus(link.paymentId), "expired");
    assert.equal((await checkout.renderMockCheckoutPage(link.paymentId)).status, 410);
    assert.equal((await checkout.completeMockPayment(link.paymentId)).status, 410);
    assert.equal(completions.length, 0);
  });

  test("unknown and malformed ids are not found and never reach the store", async () => {
    const { checkout } = setup();
    for (const id of [
      "mock_00000000000000000000000000000000",
      "",
      "../admin",
      "mock_<script>",
      "x".repeat(10_000),
    ]) {
      assert.equal((await checkout.renderMockCheckoutPage(id)).status, 404);
      assert.equal((await checkout.completeMockPayment(id)).status, 404);
    }
  });

  test("when state cannot record the payment, the guest sees 503 and the next press records it once", async () => {
    const clock = new FakeClock();
    const records = new InMemoryMockPaymentRecords({ now: () => clock.now() });
    const adapter = new MockPaymentAdapter({ records, now: () => clock.now() });
    let stateUp = false;
    const completed = new Set<string>();
    let calls = 0;
    const checkout = new MockCheckout({
      records,
      now: () => clock.now(),
      onCompleted: async (_sessionId, paymentId) => {
        calls += 1;
        if (!stateUp) throw new Error("store unreachable");
        completed.add(paymentId);
      },
    });
    const link = await adapter.createPaymentLink(linkRequest("guest-6"));
    const failed = await checkout.completeMockPayment(link.paymentId);
    assert.equal(failed.status, 503);
    assert.match(failed.html, /press Pay again/);
    assert.equal(completed.size, 0);
    stateUp = true;
    const retried = await checkout.completeMockPayment(link.paymentId);
    assert.equal(retried.outcome, "already_completed");
    assert.deepEqual([...completed], [link.paymentId]);
    assert.equal(calls, 2);
  });

  test("the same key with another amount is refused by the mock too", async () => {
    const { adapter } = setup();
    const request = linkRequest("guest-7", 1_000);
    await adapter.createPaymentLink(request);
    await assert.rejects(adapter.createPaymentLink({ ...request, amountCents: 2_000 }), /reused/);
  });
});
