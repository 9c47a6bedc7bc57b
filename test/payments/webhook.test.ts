import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  handleStripeWebhook,
  type PaymentCompletion,
  type StripeWebhookDeps,
} from "../../src/payments/index.ts";
import { signedEvent, WEBHOOK_SECRET } from "./helpers.ts";

/** A store double with the semantics state provides: event ids seen once, payments completed once. */
function fakeState() {
  const events = new Set<string>();
  const completed = new Map<string, string>();
  let down = false;
  let completionDown = false;
  const deps: StripeWebhookDeps = {
    webhookSecret: WEBHOOK_SECRET,
    async markEventProcessed(eventId) {
      if (down) throw new Error("store unreachable");
      if (events.has(eventId)) return false;
      events.add(eventId);
      return true;
    },
    async forgetEvent(eventId) {
      events.delete(eventId);
    },
    async completePayment(sessionId, paymentId): Promise<PaymentCompletion> {
      if (down || completionDown) throw new Error("store unreachable");
      if (completed.has(sessionId)) return "already_completed";
      completed.set(sessionId, paymentId);
      return "completed";
    },
  };
  return {
    deps,
    events,
    completed,
    setDown(value: boolean) {
      down = value;
    },
    setCompletionDown(value: boolean) {
      completionDown = value;
    },
  };
}

const paidSession = (sessionId: string, paymentLink = "plink_abc123") => ({
  id: "cs_test_123",
  object: "checkout.session",
  status: "complete",
  payment_status: "paid",
  payment_link: paymentLink,
  metadata: { maya_session_id: sessionId },
});

describe("stripe webhook", () => {
  test("a good checkout.session.completed completes the session's payment", async () => {
    const state = fakeState();
    const { body, header } = signedEvent({
      id: "evt_good1",
      type: "checkout.session.completed",
      object: paidSession("guest-1"),
    });
    const answer = await handleStripeWebhook(Buffer.from(body), header, state.deps);
    assert.deepEqual(answer, { status: 200, body: { received: true } });
    assert.deepEqual([...state.completed], [["guest-1", "plink_abc123"]]);
  });

  test("a replayed event answers 200 and changes nothing", async () => {
    const state = fakeState();
    const event = signedEvent({
      id: "evt_replay",
      type: "checkout.session.completed",
      object: paidSession("guest-2"),
    });
    await handleStripeWebhook(event.body, event.header, state.deps);
    state.completed.clear();
    const replay = await handleStripeWebhook(event.body, event.header, state.deps);
    assert.deepEqual(replay, { status: 200, body: { received: true, duplicate: true } });
    assert.equal(state.completed.size, 0);
  });

  test("the same payment delivered as two different events completes once", async () => {
    const state = fakeState();
    for (const id of ["evt_a1", "evt_a2"]) {
      const { body, header } = signedEvent({
        id,
        type: "checkout.session.completed",
        object: paidSession("guest-3"),
      });
      assert.equal((await handleStripeWebhook(body, header, state.deps)).status, 200);
    }
    assert.equal(state.completed.size, 1);
  });

  test("bad signatures, a wrong secret, a missing header and a tampered body get 400 and touch nothing", async () => {
    const state = fakeState();
    const good = signedEvent({
      id: "evt_bad",
      type: "checkout.session.completed",
      object: paidSession("guest-4"),
    });
    const wrongSecret = signedEvent(
      { id: "evt_bad", type: "checkout.session.completed", object: paidSession("guest-4") },
      { secret: "whsec_someoneelse000000000000" },
    );
    const cases: [string | Buffer, string | undefined][] = [
      [good.body, undefined],
      [good.body, ""],
      [good.body, "t=123,v1=deadbeef"],
      [good.body, "garbage"],
      [wrongSecret.body, wrongSecret.header],
      [good.body.replace("guest-4", "guest-X"), good.header],
    ];
    for (const [body, header] of cases) {
      const answer = await handleStripeWebhook(body, header, state.deps);
      assert.equal(answer.status, 400, String(header));
      assert.equal(answer.body.received, false);
    }
    assert.equal(state.events.size, 0);
    assert.equal(state.completed.size, 0);
  });

  test("a correctly signed but stale event (older than 300 s) gets 400 and touches nothing", async () => {
    const state = fakeState();
    const now = Date.now();
    const stale = signedEvent(
      { id: "evt_stale", type: "checkout.session.completed", object: paidSession("guest-5") },
      { timestampSeconds: Math.floor(now / 1000) - 301 },
    );
    const answer = await handleStripeWebhook(stale.body, stale.header, {
      ...state.deps,
      now: () => now,
    });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error ?? "", /too old/);
    assert.equal(state.events.size, 0);
    const fresh = signedEvent(
      { id: "evt_fresh", type: "checkout.session.completed", object: paidSession("guest-5") },
      { timestampSeconds: Math.floor(now / 1000) - 299 },
    );
    assert.equal(
      (await handleStripeWebhook(fresh.body, fresh.header, { ...state.deps, now: () => now }))
        .status,
      200,
    );
  });

  test("other events, unpaid checkouts and links that are not ours are acknowledged and ignored", async () => {
    const state = fakeState();
    const events = [
      { id: "evt_o1", type: "payment_intent.created", object: { id: "pi_1" } },
      {
        id: "evt_o2",
        type: "checkout.session.completed",
        object: { ...paidSession("guest-6"), payment_status: "unpaid" },
      },
      {
        id: "evt_o3",
        type: "checkout.session.completed",
        object: { ...paidSession("guest-6"), metadata: {} },
      },
      {
        id: "evt_o4",
        type: "checkout.session.completed",
        object: { ...paidSession("guest-6"), metadata: { maya_session_id: "../../x" } },
      },
      {
        id: "evt_o5",
        type: "checkout.session.completed",
        object: { ...paidSession("guest-6"), payment_link: null },
      },
    ];
    for (const event of events) {
      const { body, header } = signedEvent(event);
      assert.deepEqual(await handleStripeWebhook(body, header, state.deps), {
        status: 200,
        body: { received: true, ignored: true },
      });
    }
    assert.equal(state.completed.size, 0);
    assert.equal(state.events.size, 0);
  });

  test("links made without metadata (MCP tools) find their session through sessionIdForPayment", async () => {
    const state = fakeState();
    const { body, header } = signedEvent({
      id: "evt_mcp",
      type: "checkout.session.async_payment_succeeded",
      object: { ...paidSession("ignored"), metadata: {}, payment_link: "plink_mcp1" },
    });
    const deps = {
      ...state.deps,
      sessionIdForPayment: async (id: string) => (id === "plink_mcp1" ? "guest-7" : undefined),
    };
    assert.equal((await handleStripeWebhook(body, header, deps)).status, 200);
    assert.deepEqual([...state.completed], [["guest-7", "plink_mcp1"]]);
  });

  test("when the store is down: 500 so Stripe retries, and the retry completes the payment", async () => {
    const state = fakeState();
    const { body, header } = signedEvent({
      id: "evt_retry",
      type: "checkout.session.completed",
      object: paidSession("guest-8"),
    });
    state.setDown(true);
    assert.equal((await handleStripeWebhook(body, header, state.deps)).status, 500);
    state.setDown(false);
    assert.equal((await handleStripeWebhook(body, header, state.deps)).status, 200);
    assert.equal(state.completed.get("guest-8"), "plink_abc123");
  });

  test("when recording the payment fails after the event was marked, the mark is undone so the retry counts", async () => {
    const state = fakeState();
    const { body, header } = signedEvent({
      id: "evt_undo",
      type: "checkout.session.completed",
      object: paidSession("guest-9"),
    });
    state.setCompletionDown(true);
    assert.equal((await handleStripeWebhook(body, header, state.deps)).status, 500);
    assert.equal(state.events.has("evt_undo"), false);
    state.setCompletionDown(false);
    assert.deepEqual(await handleStripeWebhook(body, header, state.deps), {
      status: 200,
      body: { received: true },
    });
    assert.equal(state.completed.get("guest-9"), "plink_abc123");
  });
});
