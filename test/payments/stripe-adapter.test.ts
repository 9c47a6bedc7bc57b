import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  newIdempotencyKey,
  PaymentProviderError,
  StripePaymentAdapter,
} from "../../src/payments/index.ts";
import { FakeStripe } from "./fake-stripe/server.ts";
import { linkRequest } from "./helpers.ts";

const signal = () => AbortSignal.timeout(5_000);

describe("stripe adapter (real stripe-node against the fake Stripe API)", () => {
  let fake: FakeStripe;
  let adapter: StripePaymentAdapter;
  before(async () => {
    fake = await FakeStripe.start();
    adapter = new StripePaymentAdapter({ secretKey: fake.secretKey, apiUrl: fake.url });
  });
  after(() => fake.stop());

  test("creates one price and one single-use payment link carrying the session id", async () => {
    const link = await adapter.createPaymentLink(linkRequest("guest-a", 2_750), {
      signal: signal(),
    });
    assert.match(link.paymentId, /^plink_/);
    assert.ok(link.url.startsWith(fake.url));
    const stored = fake.links.get(link.paymentId);
    assert.deepEqual(stored?.metadata, { maya_session_id: "guest-a" });
    assert.deepEqual(stored?.restrictions?.completed_sessions, { count: 0, limit: 1 });
    const price = fake.prices.get(stored?.line_items[0]?.price ?? "");
    assert.equal(price?.unit_amount, 2_750);
    assert.equal(price?.currency, "usd");
  });

  test("the same key twice gives the same link and creates nothing new", async () => {
    const request = linkRequest("guest-b");
    const before = fake.links.size;
    const first = await adapter.createPaymentLink(request, { signal: signal() });
    const second = await adapter.createPaymentLink(request, { signal: signal() });
    assert.deepEqual(second, first);
    assert.equal(fake.links.size, before + 1);
  });

  test("a reused key with another amount is refused as an idempotency mismatch", async () => {
    const key = newIdempotencyKey("guest-c");
    await adapter.createPaymentLink(linkRequest("guest-c", 1_000, key), { signal: signal() });
    await assert.rejects(
      adapter.createPaymentLink(linkRequest("guest-c", 1_200, key), { signal: signal() }),
      (error: unknown) =>
        error instanceof PaymentProviderError && error.kind === "idempotency_mismatch",
    );
  });

  test("status follows the link: pending, succeeded after checkout, expired when switched off unpaid", async () => {
    const paid = await adapter.createPaymentLink(linkRequest("guest-d"), { signal: signal() });
    assert.equal(await adapter.getStatus(paid.paymentId, { signal: signal() }), "pending");
    assert.equal(fake.completeCheckout(paid.paymentId).ok, true);
    assert.equal(await adapter.getStatus(paid.paymentId, { signal: signal() }), "succeeded");

    const unpaid = await adapter.createPaymentLink(linkRequest("guest-e"), { signal: signal() });
    fake.expireLink(unpaid.paymentId);
    assert.equal(await adapter.getStatus(unpaid.paymentId, { signal: signal() }), "expired");
  });

  test("a link takes one completed payment only", async () => {
    const link = await adapter.createPaymentLink(linkRequest("guest-f"), { signal: signal() });
    assert.equal(fake.completeCheckout(link.paymentId).ok, true);
    assert.equal(fake.completeCheckout(link.paymentId).ok, false);
  });

  test("provider failures are sorted into retryable and final kinds", async () => {
    const cases: [Parameters<FakeStripe["inject"]>[0], string, boolean][] = [
      [{ status: 500 }, "server", true],
      [{ status: 503 }, "server", true],
      [{ status: 429, type: "rate_limit_error" }, "rate_limited", true],
      [{ status: 409, type: "invalid_request_error" }, "conflict", true],
      // stripe-node retries a closed connection once on its own, so two resets.
      [{ reset: true }, "network", true],
      [{ status: 400, type: "invalid_request_error" }, "invalid_request", false],
    ];
    for (const [fault, kind, retryable] of cases) {
      fake.inject({ ...fault, path: "/v1/balance" });
      if ("reset" in fault) fake.inject({ ...fault, path: "/v1/balance" });
      await assert.rejects(adapter.probe({ signal: signal() }), (error: unknown) => {
        assert.ok(error instanceof PaymentProviderError);
        assert.equal(error.kind, kind, JSON.stringify(fault));
        assert.equal(error.retryable, retryable);
        return true;
      });
    }
    const wrongKey = new StripePaymentAdapter({
      secretKey: "sk_test_wrongkey123456",
      apiUrl: fake.url,
    });
    await assert.rejects(
      wrongKey.probe({ signal: signal() }),
      (error: unknown) =>
        error instanceof PaymentProviderError && error.kind === "auth" && !error.retryable,
    );
  });

  test("an unknown payment id is not_found", async () => {
    await assert.rejects(
      adapter.getStatus("plink_doesnotexist", { signal: signal() }),
      (error: unknown) => error instanceof PaymentProviderError && error.kind === "not_found",
    );
  });
});
