import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  attachPaymentLink,
  type BarState,
  checkBarState,
  clearOrder,
  completePayment,
  failPayment,
  initialBarState,
  MENU,
  MODIFIERS,
  orderItem,
  publicState,
  removeItem,
  STARTING_BALANCE_CENTS,
  setTip,
  startPayment,
  tipCents,
  toggleTip,
} from "../../src/bar/index.ts";

/** Any operation a guest or the payment layer can throw at a tab, including bad input. */
const operation = fc.oneof(
  fc.record({
    kind: fc.constant("order" as const),
    item: fc.oneof(
      fc.constantFrom(...MENU.map((i) => i.name)),
      fc.constantFrom("beer", "nope", ""),
    ),
    quantity: fc.oneof(
      fc.integer({ min: -2, max: 25 }),
      fc.constantFrom(1.5, Number.NaN, undefined),
    ),
    modifiers: fc.array(fc.constantFrom(...MODIFIERS, "flaming"), { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant("remove" as const),
    item: fc.constantFrom(...MENU.map((i) => i.name)),
    quantity: fc.option(fc.integer({ min: -1, max: 22 }), { nil: undefined }),
  }),
  fc.constant({ kind: "clear" as const }),
  fc.record({ kind: fc.constant("tip" as const), percent: fc.constantFrom(10, 15, 20, null, 7) }),
  fc.record({ kind: fc.constant("toggle" as const), percent: fc.constantFrom(10, 15, 20) }),
  fc.constant({ kind: "pay" as const }),
  fc.constant({ kind: "complete" as const }),
  fc.constant({ kind: "fail" as const }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

let counter = 0;
function apply(state: BarState, op: Operation): BarState {
  switch (op.kind) {
    case "order": {
      const r = orderItem(state, op);
      return r.ok ? r.state : state;
    }
    case "remove": {
      const r = removeItem(state, op);
      return r.ok ? r.state : state;
    }
    case "clear": {
      const r = clearOrder(state);
      return r.ok ? r.state : state;
    }
    case "tip": {
      const r = setTip(state, op.percent);
      return r.ok ? r.state : state;
    }
    case "toggle": {
      const r = toggleTip(state, op.percent);
      return r.ok ? r.state : state;
    }
    case "pay": {
      counter += 1;
      const key = `maya_prop_${String(counter).padStart(12, "0")}`;
      const r = startPayment(state, { idempotencyKey: key, now: counter });
      if (!r.ok) return state;
      const linked = attachPaymentLink(r.state, {
        idempotencyKey: r.attempt.idempotencyKey,
        paymentId: `mock_${r.attempt.idempotencyKey}`,
        url: null,
        simulated: true,
        fallback: "mock",
      });
      return linked.ok ? linked.state : r.state;
    }
    case "complete": {
      const id = state.payment.attempt?.paymentId;
      const r = id ? completePayment(state, id) : undefined;
      return r?.ok ? r.state : state;
    }
    case "fail": {
      const r = failPayment(state, { reason: "declined" });
      return r.ok ? r.state : state;
    }
  }
}

describe("bar invariants (properties)", () => {
  it("balance + tab + paid stays 1,000.00; nothing negative; tab = sum of lines; tips follow the tab", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (ops) => {
        let state = initialBarState();
        for (const op of ops) {
          const before = structuredClone(state);
          const next = apply(state, op);
          assert.deepEqual(state, before, "operations never mutate their input");
          state = next;
          const check = checkBarState(state);
          assert.ok(check.ok, check.ok ? "" : check.message);
          assert.equal(
            state.balanceCents + state.tabCents + state.paidCents,
            STARTING_BALANCE_CENTS,
          );
          assert.ok(state.balanceCents >= 0 && state.tabCents >= 0 && state.paidCents >= 0);
          const lines = state.lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0);
          assert.equal(state.tabCents, lines);
          const view = publicState(state, 0);
          assert.equal(view.tipCents, tipCents(state.tabCents, state.tipPercent));
          assert.equal(view.totalCents, view.tabCents + view.tipCents);
          assert.equal(
            view.order.reduce((sum, l) => sum + l.lineCents, 0),
            view.tabCents,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
