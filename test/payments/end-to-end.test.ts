import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import {
  createPaymentGateway,
  handleStripeWebhook,
  InMemoryMockPaymentRecords,
  MockCheckout,
  newIdempotencyKey,
  type PaymentSettings,
} from "../../src/payments/index.ts";
import { startFakeStripeMcpHttp } from "./fake-stripe/mcp-server.ts";
import { FakeStripe } from "./fake-stripe/server.ts";
import { FakeClock, linkRequest, signedEvent, WEBHOOK_SECRET } from "./helpers.ts";

/**
 * What the state store does for payments, reduced to its rules: starting a
 * payment stores a fresh key unless an attempt is already out (then the same
 * attempt comes back), and completion happens once.
 */
class SessionPayments {
  readonly attempts = new Map<string, { key: string; amountCents: number }>();
  readonly completed = new Map<string, string>();
  readonly events = new Set<string>();

  start(sessionId: string, amountCents: number) {
    let attempt = this.attempts.get(sessionId);
    if (!attempt) {
      attempt = { key: newIdempotencyKey(sessionId), amountCents };
      this.attempts.set(sessionId, attempt);
    }
    return attempt;
  }

  webhookDeps() {
    return {
      webhookSecret: WEBHOOK_SECRET,
      markEventProcessed: async (id: string) =>
        !this.events.has(id) && Boolean(this.events.add(id)),
      completePayment: async (sessionId: string, paymentId: string) => {
        if (this.completed.has(sessionId)) return "already_completed" as const;
        this.completed.set(sessionId, paymentId);
        return "completed" as const;
      },
    };
  }
}

const FAST_RETRIES = {
  maxAttempts: 4,
  attemptTimeoutMs: 2_000,
  overallDeadlineMs: 8_000,
  baseDelayMs: 5,
  maxDelayMs: 20,
};

describe("end to end through createPaymentGateway against the fake Stripe", () => {
  let fake: FakeStripe;
  let settings: PaymentSettings;
  before(async () => {
    fake = await FakeStripe.start();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.down = false;
    fake.delayMs = 0;
    settings = {
      provider: "stripe",
      fallback: "mock",
      secretKey: fake.secretKey,
      apiUrl: fake.url,
      probeTtlMs: 30_000,
      retry: FAST_RETRIES,
    };
  });

  test("fifty concurrent pay requests of one session: one link, and the guest is charged once", async () => {
    const gateway = createPaymentGateway(settings);
    const state = new SessionPayments();
    const linksBefore = fake.links.size;
    const pricesBefore = fake.prices.size;
    fake.delayMs = 3;
    const pay = async () => {
      const attempt = state.start("busy-session", 4_125);
      return gateway.createPaymentLink(
        linkRequest("busy-session", attempt.amountCents, attempt.key),
      );
    };
    const results = await Promise.all(Array.from({ length: 50 }, pay));
    fake.delayMs = 0;
    const ids = new Set(results.map((r) => (r.ok ? r.paymentId : r.failure.code)));
    assert.equal(ids.size, 1);
    const [paymentId] = [...ids] as [string];
    assert.match(paymentId, /^plink_/);
    assert.equal(fake.links.size - linksBefore, 1);
    assert.equal(fake.prices.size - pricesBefore, 1);

    // The guest pays (twice, in two tabs), and Stripe delivers the event three times.
    const chargesBefore = fake.charges;
    const paid = fake.completeCheckout(paymentId);
    assert.ok(paid.ok);
    assert.equal(fake.completeCheckout(paymentId).ok, false);
    assert.equal(fake.charges - chargesBefore, 1);
    const event = signedEvent({
      id: "evt_e2e_1",
      type: "checkout.session.completed",
      object: { ...paid.session },
    });
    for (let i = 0; i < 3; i++) {
      assert.equal(
        (await handleStripeWebhook(event.body, event.header, state.webhookDeps())).status,
        200,
      );
    }
    assert.deepEqual([...state.completed], [["busy-session", paymentId]]);
    assert.deepEqual(await gateway.getStatus(paymentId), { ok: true, status: "succeeded" });
    await gateway.close();
  });

  test("two processes asking with one key at once get one link (Stripe's idempotency, 409 while in flight)", async () => {
    const a = createPaymentGateway(settings);
    const b = createPaymentGateway(settings);
    const request = linkRequest("two-instances");
    const linksBefore = fake.links.size;
    fake.delayMs = 5;
    const [x, y] = await Promise.all([a.createPaymentLink(request), b.createPaymentLink(request)]);
    fake.delayMs = 0;
    assert.ok(x.ok && y.ok);
    assert.equal(x.paymentId, y.paymentId);
    assert.equal(fake.links.size - linksBefore, 1);
  });

  test("5xx, 429 and 409 answers are retried with the same key and end in one real link", async () => {
    const gateway = createPaymentGateway(settings);
    const linksBefore = fake.links.size;
    fake.inject(
      { status: 500, path: "/v1/prices" },
      { status: 429, type: "rate_limit_error", path: "/v1/payment_links" },
      { status: 409, path: "/v1/payment_links" },
    );
    const result = await gateway.createPaymentLink(linkRequest("flaky"));
    assert.ok(result.ok && !result.simulated && result.fallback === null);
    assert.equal(fake.pendingFaults, 0);
    assert.equal(fake.links.size - linksBefore, 1);
  });

  test("a slow Stripe is cut by the attempt timeout and the retry replays the first result", async () => {
    const gateway = createPaymentGateway({
      ...settings,
      retry: { ...FAST_RETRIES, attemptTimeoutMs: 100 },
    });
    const linksBefore = fake.links.size;
    fake.inject({ delayMs: 400, path: "/v1/payment_links" });
    const result = await gateway.createPaymentLink(linkRequest("slow"));
    assert.ok(result.ok && !result.simulated);
    // Give the slow request time to land; it must not have made a second link.
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.equal(fake.links.size - linksBefore, 1);
  });

  test("Stripe down: the mock stands in (simulated), the page works, and completion reaches state once", async () => {
    const records = new InMemoryMockPaymentRecords();
    const clock = new FakeClock();
    const gateway = createPaymentGateway(settings, { mockRecords: records, clock });
    const state = new SessionPayments();
    const checkout = new MockCheckout({
      records,
      onCompleted: async (sessionId, paymentId) =>
        state.webhookDeps().completePayment(sessionId, paymentId),
    });
    fake.down = true;
    const result = await gateway.createPaymentLink(linkRequest("offline-guest", 2_000));
    assert.ok(result.ok);
    assert.equal(result.simulated, true);
    assert.equal(result.fallback, "mock");
    const id = result.paymentId;
    assert.equal((await checkout.renderMockCheckoutPage(id)).status, 200);
    assert.equal((await checkout.completeMockPayment(id)).outcome, "completed");
    assert.equal((await checkout.completeMockPayment(id)).outcome, "already_completed");
    assert.deepEqual([...state.completed], [["offline-guest", id]]);
    assert.equal(
      await gateway.waitForPayment(id, { intervalMs: 10, deadlineMs: 1_000 }),
      "succeeded",
    );

    // Stripe returns; after the probe TTL new payments are real again.
    fake.down = false;
    clock.advance(30_000);
    const back = await gateway.createPaymentLink(linkRequest("online-guest"));
    assert.ok(back.ok && !back.simulated && back.provider === "stripe");
  });

  test("Stripe down with fallback 'fail': a typed payment_unavailable result", async () => {
    const gateway = createPaymentGateway(
      { ...settings, fallback: "fail" },
      { clock: new FakeClock() },
    );
    fake.down = true;
    const result = await gateway.createPaymentLink(linkRequest("strict-guest"));
    assert.equal(!result.ok && result.failure.code, "payment_unavailable");
  });

  test("polling follows the real link until the guest pays", async () => {
    const gateway = createPaymentGateway(settings);
    const link = await gateway.createPaymentLink(linkRequest("polled"));
    assert.ok(link.ok);
    let polls = 0;
    const clock = new FakeClock();
    const polling = createPaymentGateway(settings, {
      clock: {
        now: () => clock.now(),
        sleep: async (ms) => {
          polls += 1;
          if (polls === 2) fake.completeCheckout(link.paymentId);
          clock.advance(ms);
        },
      },
    });
    assert.equal(
      await polling.waitForPayment(link.paymentId, { intervalMs: 1_000, deadlineMs: 60_000 }),
      "succeeded",
    );
    assert.equal(polls, 2);
  });

  test("the MCP provider end to end, and its fallback when the MCP server is unreachable", async () => {
    const http = await startFakeStripeMcpHttp({ apiUrl: fake.url, secretKey: fake.secretKey });
    try {
      const mcp = createPaymentGateway({
        ...settings,
        provider: "stripe-mcp",
        mcp: { kind: "url", url: http.url },
      });
      const result = await mcp.createPaymentLink(linkRequest("mcp-e2e"));
      assert.ok(result.ok && result.provider === "stripe-mcp" && !result.simulated);
      await mcp.close();
      const unreachable = createPaymentGateway(
        {
          ...settings,
          provider: "stripe-mcp",
          mcp: { kind: "url", url: "http://127.0.0.1:9/mcp" },
        },
        { clock: new FakeClock() },
      );
      const fallback = await unreachable.createPaymentLink(linkRequest("mcp-down"));
      assert.ok(fallback.ok && fallback.simulated && fallback.fallback === "mock");
    } finally {
      await http.stop();
    }
  });
});
