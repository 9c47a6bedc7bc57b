import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  attachPaymentLink,
  type BarState,
  canTransition,
  checkBarState,
  completePayment,
  failPayment,
  flagReconciliation,
  initialBarState,
  orderItem,
  setTip,
  startPayment,
} from "../../src/bar/index.ts";

const KEY = "maya_test_0123456789abcdef";
const KEY2 = "maya_test_fedcba9876543210";

function withTab(): BarState {
  const ordered = orderItem(initialBarState(), { item: "martini", quantity: 2 });
  assert.ok(ordered.ok);
  const tipped = setTip(ordered.state, 10);
  assert.ok(tipped.ok);
  return tipped.state;
}

function processing(state = withTab(), key = KEY, paymentId = "mock_pay_1"): BarState {
  const started = startPayment(state, { idempotencyKey: key, now: 1 });
  assert.ok(started.ok);
  const linked = attachPaymentLink(started.state, {
    idempotencyKey: key,
    paymentId,
    url: "https://checkout.example/pay/1",
    simulated: true,
    fallback: "mock",
  });
  assert.ok(linked.ok, linked.ok ? "" : linked.message);
  return linked.state;
}

describe("payment state", () => {
  it("allows only the documented transitions", () => {
    assert.ok(canTransition("pending", "processing"));
    assert.ok(canTransition("processing", "completed"));
    assert.ok(canTransition("processing", "failed"));
    assert.ok(canTransition("failed", "processing"));
    assert.ok(!canTransition("pending", "completed"));
    assert.ok(!canTransition("completed", "processing"));
    assert.ok(!canTransition("completed", "failed"));
  });

  it("starts an attempt for tab + tip and rejoins it while it is out", () => {
    const started = startPayment(withTab(), { idempotencyKey: KEY, now: 1 });
    assert.ok(started.ok && !started.reused);
    assert.equal(started.attempt.amountCents, 2860);
    assert.equal(started.state.payment.status, "processing");
    const again = startPayment(started.state, { idempotencyKey: KEY2, now: 2 });
    assert.ok(again.ok && again.reused);
    assert.equal(again.attempt.idempotencyKey, KEY);
  });

  it("refuses an empty tab and malformed keys", () => {
    const empty = startPayment(initialBarState(), { idempotencyKey: KEY, now: 1 });
    assert.ok(!empty.ok && empty.code === "nothing_to_pay");
    const bad = startPayment(withTab(), { idempotencyKey: "short key!", now: 1 });
    assert.ok(!bad.ok && bad.code === "invalid_payment_info" && bad.field === "idempotencyKey");
  });

  it("freezes the tab while a payment is out", () => {
    const state = processing();
    const order = orderItem(state, { item: "gin" });
    assert.ok(!order.ok && order.code === "payment_in_progress");
    const tip = setTip(state, 20);
    assert.ok(!tip.ok && tip.code === "payment_in_progress");
  });

  it("completes exactly once: tab and tip to zero, paid recorded", () => {
    const done = completePayment(processing(), "mock_pay_1");
    assert.ok(done.ok);
    assert.equal(done.paidCents, 2600);
    assert.equal(done.tipCents, 260);
    assert.equal(done.state.tabCents, 0);
    assert.equal(done.state.tipPercent, null);
    assert.equal(done.state.paidCents, 2600);
    assert.equal(done.state.payment.status, "completed");
    assert.ok(checkBarState(done.state).ok);
    const again = completePayment(done.state, "mock_pay_1");
    assert.ok(!again.ok && again.code === "already_completed");
    // A new order starts a new tab; the old payment still cannot complete again.
    const next = orderItem(done.state, { item: "water" });
    assert.ok(next.ok && next.state.payment.status === "pending");
    const late = completePayment(next.state, "mock_pay_1");
    assert.ok(!late.ok && late.code === "already_completed");
  });

  it("refuses a payment id that is not the current attempt's", () => {
    const result = completePayment(processing(), "mock_other");
    assert.ok(!result.ok && result.code === "payment_mismatch");
  });

  it("fails, keeps the tab, and retries with a new attempt", () => {
    const failed = failPayment(processing(), { reason: "card declined" });
    assert.ok(failed.ok);
    assert.equal(failed.state.payment.status, "failed");
    assert.equal(failed.state.tabCents, 2600);
    const retry = startPayment(failed.state, { idempotencyKey: KEY2, now: 2 });
    assert.ok(retry.ok && !retry.reused && retry.attempt.idempotencyKey === KEY2);
    const failAgain = failPayment(initialBarState(), { reason: "x" });
    assert.ok(!failAgain.ok && failAgain.code === "invalid_transition");
  });

  it("a late success of a failed attempt completes, unless the tab changed since", () => {
    const failed = failPayment(processing(), { reason: "timeout" });
    assert.ok(failed.ok);
    const late = completePayment(failed.state, "mock_pay_1");
    assert.ok(late.ok && late.state.payment.status === "completed");
    const changed = orderItem(failed.state, { item: "gin" });
    assert.ok(changed.ok);
    const stale = completePayment(changed.state, "mock_pay_1");
    assert.ok(!stale.ok && stale.code === "payment_mismatch");
  });

  it("validates link info and names the field", () => {
    const started = startPayment(withTab(), { idempotencyKey: KEY, now: 1 });
    assert.ok(started.ok);
    const info = {
      idempotencyKey: KEY,
      paymentId: "plink_123",
      url: "https://x.test/p",
      simulated: false,
      fallback: "none" as const,
    };
    const badId = attachPaymentLink(started.state, { ...info, paymentId: "bad id" });
    assert.ok(!badId.ok && badId.field === "paymentId");
    const badUrl = attachPaymentLink(started.state, { ...info, url: "javascript:alert(1)" });
    assert.ok(!badUrl.ok && badUrl.field === "url");
    const wrongAttempt = attachPaymentLink(started.state, { ...info, idempotencyKey: KEY2 });
    assert.ok(!wrongAttempt.ok && wrongAttempt.code === "payment_mismatch");
  });

  it("a completed state with a reconciliation flag is invalid", () => {
    const done = completePayment(processing(), "mock_pay_1");
    assert.ok(done.ok);
    const flagged = {
      ...done.state,
      payment: { ...done.state.payment, needsReconciliation: true },
    };
    const check = checkBarState(flagged);
    assert.ok(!check.ok && check.field === "payment.needsReconciliation");
  });

  it("flags unmatched money for a person, but never on a completed payment", () => {
    const failed = failPayment(processing(), { reason: "timeout" });
    assert.ok(failed.ok);
    const flagged = flagReconciliation(failed.state, "late payment of a stale link");
    assert.ok(flagged.ok && flagged.state.payment.needsReconciliation);
    assert.ok(checkBarState(flagged.state).ok);
    const done = completePayment(processing(), "mock_pay_1");
    assert.ok(done.ok);
    const refused = flagReconciliation(done.state, "x");
    assert.ok(!refused.ok && refused.code === "invalid_transition");
  });
});
