import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import {
  type BarState,
  initialBarState,
  orderItem as pureOrder,
  removeItem as pureRemove,
  toggleTip as pureToggle,
  STARTING_BALANCE_CENTS,
} from "../../src/bar/index.ts";
import {
  MAX_HISTORY_MESSAGES,
  newSessionId,
  type OpenStoreOptions,
  type SessionStore,
  sessionLocks,
} from "../../src/state/index.ts";

/** How a contract run opens stores of one kind and lets time pass for them. */
export interface StoreHarness {
  open(options?: OpenStoreOptions): Promise<SessionStore>;
  /** Moves the store's clock forward (a fake clock, or real waiting for Redis' own TTLs). */
  advance(ms: number): Promise<void>;
}

/** A controllable clock for adapters that take `now` from the store. */
export function fakeClock(): { now: () => number; advance: (ms: number) => Promise<void> } {
  let time = Date.now();
  return {
    now: () => time,
    advance: async (ms) => {
      time += ms;
    },
  };
}

/**
 * Ten different lines of cheap drinks: 200 single orders fit both the balance
 * and the 20-per-line cap, so every failure below is one we asked for.
 */
const CHEAP = ["Water", "Iced Tea", "Lemonade", "Soda"].flatMap((item) => [
  { item, modifiers: [] as string[] },
  { item, modifiers: ["on the rocks"] },
]);
CHEAP.push({ item: "Tap Beer", modifiers: [] }, { item: "Classic Brew", modifiers: [] });

const KEY_PATTERN = /^maya_[A-Za-z0-9_-]+_[0-9a-f-]{36}$/;

/** The one behaviour every SessionStore adapter must show. */
export function storeContract(
  name: string,
  makeHarness: () => Promise<StoreHarness & { close(): Promise<void> }>,
) {
  describe(`SessionStore contract: ${name}`, () => {
    let harness: StoreHarness & { close(): Promise<void> };
    let store: SessionStore;

    before(async () => {
      harness = await makeHarness();
      store = await harness.open({ sweepIntervalMs: 0 });
    });
    after(async () => {
      await store.close();
      await harness.close();
    });

    it("a new session reads as fresh at version 0 and nothing is written until it changes", async () => {
      const sid = newSessionId();
      const loaded = await store.load(sid);
      assert.ok(loaded.ok && loaded.isNew);
      assert.equal(loaded.state.version, 0);
      assert.equal(loaded.state.balanceCents, STARTING_BALANCE_CENTS);
      assert.equal(loaded.state.paymentStatus, "pending");
      assert.equal(await store.exists(sid), false);
      const ordered = await store.orderItem(sid, { item: "IPA", quantity: 2 });
      assert.ok(ordered.ok);
      assert.equal(await store.exists(sid), true);
    });

    it("every write bumps the version by one and is read back", async () => {
      const sid = newSessionId();
      const first = await store.orderItem(sid, {
        item: "Martini",
        quantity: 2,
        modifiers: ["dirty"],
      });
      assert.ok(first.ok);
      assert.equal(first.state.version, 1);
      assert.equal(first.chargedCents, 2600);
      const tip = await store.toggleTip(sid, 20);
      assert.ok(tip.ok && tip.state.version === 2 && tip.state.tipCents === 520);
      const loaded = await store.load(sid);
      assert.ok(loaded.ok && !loaded.isNew);
      assert.deepEqual(loaded.state, tip.state);
      assert.deepEqual(loaded.state.order, [
        { item: "Martini", quantity: 2, modifiers: ["dirty"], unitCents: 1300, lineCents: 2600 },
      ]);
    });

    it("bad input is a typed error with a clear message and changes nothing", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "gin" });
      const cases = [
        [{ item: "gin", quantity: 0 }, "invalid_quantity"],
        [{ item: "gin", quantity: -3 }, "invalid_quantity"],
        [{ item: "gin", quantity: 2.5 }, "invalid_quantity"],
        [{ item: "gin", quantity: 10_000 }, "invalid_quantity"],
        [{ item: "gin", quantity: Number.NaN }, "invalid_quantity"],
        [{ item: "gin", quantity: "three" }, "invalid_quantity"],
        [{ item: "mojito" }, "unknown_item"],
        [{ item: "beer" }, "ambiguous"],
        [{ item: "IPA", modifiers: ["shaken"] }, "invalid_modifier"],
      ] as const;
      for (const [request, code] of cases) {
        const result = await store.orderItem(sid, request);
        assert.ok(!result.ok, JSON.stringify(request));
        assert.equal(result.code, code);
        assert.ok(
          result.message.length > 10 &&
            result.message.endsWith("?") !== result.message.endsWith("."),
        );
      }
      const loaded = await store.load(sid);
      assert.ok(loaded.ok && loaded.state.version === 1 && loaded.state.tabCents === 800);
    });

    it("refuses a balance that cannot cover the order, state unchanged", async () => {
      const sid = newSessionId();
      for (const modifiers of [["shaken"], ["stirred"], ["dry"], ["dirty"]]) {
        const r = await store.orderItem(sid, { item: "martini", quantity: 19, modifiers });
        assert.ok(r.ok);
      }
      const result = await store.orderItem(sid, { item: "brandy", quantity: 2 });
      assert.ok(!result.ok && result.code === "insufficient_funds");
      const loaded = await store.load(sid);
      assert.ok(loaded.ok && loaded.state.balanceCents === 1_200 && loaded.state.version === 4);
    });

    it("rejects overlong or odd session ids on every operation", async () => {
      for (const sid of [
        "",
        "short",
        "x".repeat(129),
        "../../etc/passwd-aaaaaa",
        "a b c d e f g h i j",
        "{tag}aaaaaaaaaaaaaaaa",
        "é".repeat(20),
      ]) {
        const loaded = await store.load(sid);
        assert.ok(!loaded.ok && loaded.code === "invalid_session_id", sid);
        const ordered = await store.orderItem(sid, { item: "gin" });
        assert.ok(!ordered.ok && ordered.code === "invalid_session_id");
        const conv = await store.updateConversation(sid, (c) => c);
        assert.ok(!conv.ok && conv.code === "invalid_session_id");
        assert.equal(await store.exists(sid), false);
      }
      const notString = await store.load(42 as unknown as string);
      assert.ok(!notString.ok && notString.code === "invalid_session_id");
    });

    it("optimistic locking: a stale expected version is a typed conflict", async () => {
      const sid = newSessionId();
      const first = await store.orderItem(sid, { item: "rum" }, { expectedVersion: 0 });
      assert.ok(first.ok && first.state.version === 1);
      const stale = await store.orderItem(sid, { item: "rum" }, { expectedVersion: 0 });
      assert.ok(!stale.ok && stale.code === "version_conflict" && stale.currentVersion === 1);
      const fresh = await store.removeItem(sid, { item: "rum" }, { expectedVersion: 1 });
      assert.ok(fresh.ok && fresh.state.version === 2 && fresh.state.tabCents === 0);
    });

    it("concurrent writers holding the same expected version: exactly one wins", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "soda" });
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          store.orderItem(sid, { item: "soda" }, { expectedVersion: 1 }),
        ),
      );
      assert.equal(results.filter((r) => r.ok).length, 1);
      assert.ok(results.every((r) => r.ok || r.code === "version_conflict"));
    });

    it("200 concurrent orders on one session: nothing lost, version = successes", async () => {
      const sid = newSessionId();
      const requests = Array.from({ length: 200 }, (_, i) => ({
        ...CHEAP[i % CHEAP.length]!,
        // Every seventh asks for zero drinks and must fail without a trace.
        quantity: i % 7 === 0 ? 0 : 1,
      }));
      const results = await Promise.all(requests.map((r) => store.orderItem(sid, r)));
      const succeeded = results.filter((r) => r.ok);
      const charged = succeeded.reduce((sum, r) => sum + (r.ok ? r.chargedCents : 0), 0);
      assert.equal(succeeded.length, 200 - Math.ceil(200 / 7));
      const loaded = await store.load(sid);
      assert.ok(loaded.ok);
      assert.equal(loaded.state.tabCents, charged);
      assert.equal(loaded.state.version, succeeded.length);
      assert.equal(loaded.state.balanceCents, STARTING_BALANCE_CENTS - charged);
      assert.equal(
        loaded.state.order.reduce((sum, l) => sum + l.quantity, 0),
        succeeded.length,
      );
      assert.deepEqual(
        new Set(succeeded.map((r) => (r.ok ? r.state.version : 0))).size,
        succeeded.length,
        "every success saw its own version",
      );
    });

    it("payment: key stored before the call, rejoined by a second request, completed exactly once", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "negroni", quantity: 2 });
      await store.setTip(sid, 15);
      const [a, b] = await Promise.all([store.startPayment(sid), store.startPayment(sid)]);
      assert.ok(a.ok && b.ok);
      assert.equal(a.attempt.idempotencyKey, b.attempt.idempotencyKey);
      assert.equal([a.reused, b.reused].filter(Boolean).length, 1);
      assert.match(a.attempt.idempotencyKey, KEY_PATTERN);
      assert.equal(a.attempt.amountCents, 2530);
      const stored = await store.load(sid);
      assert.ok(stored.ok);
      assert.equal(stored.state.paymentStatus, "processing");
      assert.equal(stored.state.version, 3, "rejoining wrote nothing");
      assert.equal(stored.session.bar.payment.attempt?.idempotencyKey, a.attempt.idempotencyKey);

      const frozen = await store.orderItem(sid, { item: "gin" });
      assert.ok(!frozen.ok && frozen.code === "payment_in_progress");

      const linked = await store.attachPaymentLink(sid, {
        idempotencyKey: a.attempt.idempotencyKey,
        paymentId: "cs_test_abc123",
        url: "https://checkout.stripe.com/c/pay/cs_test_abc123",
        simulated: false,
        fallback: "none",
      });
      assert.ok(linked.ok && linked.attempt.paymentId === "cs_test_abc123");

      const completions = await Promise.all(
        Array.from({ length: 5 }, () => store.completePayment(sid, "cs_test_abc123")),
      );
      const done = completions.filter((r) => r.ok);
      assert.equal(done.length, 1);
      assert.ok(completions.every((r) => r.ok || r.code === "already_completed"));
      const after = await store.load(sid);
      assert.ok(after.ok);
      assert.equal(after.state.paymentStatus, "completed");
      assert.equal(after.state.tabCents, 0);
      assert.equal(after.state.tipCents, 0);
      assert.equal(after.session.bar.paidCents, 2200);
      assert.equal(after.session.bar.tipsPaidCents, 330);
      assert.equal(after.state.balanceCents + after.session.bar.paidCents, STARTING_BALANCE_CENTS);
    });

    it("a caller-chosen idempotency key is used as given", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "gin" });
      const key = `maya_${sid.slice(0, 8)}_00000000-0000-4000-8000-000000000000`;
      const started = await store.startPayment(sid, { idempotencyKey: key });
      assert.ok(started.ok && started.attempt.idempotencyKey === key);
    });

    it("a failed payment keeps the tab; the retry gets a new key", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "vodka" });
      const first = await store.startPayment(sid);
      assert.ok(first.ok);
      const failed = await store.failPayment(sid, { reason: "gateway timeout" });
      assert.ok(
        failed.ok && failed.state.paymentStatus === "failed" && failed.state.tabCents === 700,
      );
      const retry = await store.startPayment(sid);
      assert.ok(retry.ok && !retry.reused);
      assert.notEqual(retry.attempt.idempotencyKey, first.attempt.idempotencyKey);
      const flagged = await store.flagReconciliation(sid, "late payment of the first link");
      assert.ok(flagged.ok && flagged.session.bar.payment.needsReconciliation);
      const nothing = await store.startPayment(newSessionId());
      assert.ok(!nothing.ok && nothing.code === "nothing_to_pay");
    });

    it("conversation: stored with the session, capped, validated; reset keeps the money", async () => {
      const sid = newSessionId();
      await store.orderItem(sid, { item: "lemonade", quantity: 3 });
      const updated = await store.updateConversation(sid, (c) => ({
        ...c,
        phase: "small_talk",
        counters: { smallTalkTurns: 2 },
        notes: { lastItem: "Lemonade" },
        history: Array.from({ length: MAX_HISTORY_MESSAGES + 5 }, (_, i) => ({
          role: i % 2 === 0 ? ("user" as const) : ("assistant" as const),
          content: `message ${i}`,
          at: i,
        })),
      }));
      assert.ok(updated.ok);
      const loaded = await store.load(sid);
      assert.ok(loaded.ok);
      const conversation = loaded.session.conversation;
      assert.equal(conversation.phase, "small_talk");
      assert.equal(conversation.history.length, MAX_HISTORY_MESSAGES);
      assert.equal(conversation.history.at(-1)?.content, `message ${MAX_HISTORY_MESSAGES + 4}`);
      assert.equal(conversation.notes.lastItem, "Lemonade");

      const invalid = await store.updateConversation(sid, (c) => ({
        ...c,
        phase: "dancing" as never,
      }));
      assert.ok(
        !invalid.ok && invalid.code === "invalid_conversation" && invalid.field === "phase",
      );

      const reset = await store.resetConversation(sid);
      assert.ok(reset.ok);
      assert.equal(reset.session.conversation.phase, "greeting");
      assert.equal(reset.session.conversation.history.length, 0);
      assert.equal(reset.state.tabCents, 600);
      assert.equal(reset.state.balanceCents, STARTING_BALANCE_CENTS - 600);
    });

    it("webhook events are processed once", async () => {
      const id = `evt_${newSessionId().slice(0, 20)}`;
      assert.equal(await store.markEventProcessed(id), true);
      assert.equal(await store.markEventProcessed(id), false);
      const many = await Promise.all(
        Array.from({ length: 10 }, () => store.markEventProcessed(`${id}x`)),
      );
      assert.equal(many.filter(Boolean).length, 1);
      await assert.rejects(store.markEventProcessed("bad id with spaces"), TypeError);
    });

    it("a forgotten webhook event is processed again, once", async () => {
      const id = `evt_${newSessionId().slice(0, 20)}`;
      assert.equal(await store.markEventProcessed(id), true);
      await store.forgetEvent(id);
      assert.equal(await store.markEventProcessed(id), true);
      assert.equal(await store.markEventProcessed(id), false);
      await store.forgetEvent(`${id}never`); // forgetting an unknown event is harmless
      await assert.rejects(store.forgetEvent("bad id with spaces"), TypeError);
    });

    it("keyed records: put, get, put-if-absent, delete", async () => {
      const key = newSessionId();
      assert.equal(await store.getRecord("mock", key), null);
      assert.equal(
        await store.putRecord("mock", key, { amountCents: 1200, paid: false }, { ttlMs: 60_000 }),
        true,
      );
      assert.deepEqual(await store.getRecord("mock", key), { amountCents: 1200, paid: false });
      assert.equal(
        await store.putRecord("mock", key, { other: 1 }, { ttlMs: 60_000, ifAbsent: true }),
        false,
      );
      assert.equal(await store.putRecord("mock", key, { paid: true }, { ttlMs: 60_000 }), true);
      assert.deepEqual(await store.getRecord("mock", key), { paid: true });
      await store.deleteRecord("mock", key);
      assert.equal(await store.getRecord("mock", key), null);
    });

    it("idle sessions and records expire; session locks are released", async () => {
      const short = await harness.open({ ttlMs: 1_000, sweepIntervalMs: 0 });
      try {
        const sid = newSessionId();
        const key = newSessionId();
        await short.orderItem(sid, { item: "water" });
        await short.putRecord("mock", key, 1, { ttlMs: 1_000 });
        await harness.advance(500);
        // A write refreshes the idle timer.
        await short.orderItem(sid, { item: "water" });
        await harness.advance(600);
        const alive = await short.load(sid);
        assert.ok(alive.ok && !alive.isNew && alive.state.version === 2);
        await harness.advance(1_200);
        const gone = await short.load(sid);
        assert.ok(gone.ok && gone.isNew && gone.state.version === 0);
        assert.equal(await short.getRecord("mock", key), null);
        const swept = await short.sweep();
        // SQLite and memory delete expired rows in the sweep; Redis expires keys itself.
        assert.equal(swept.sessions, short.kind === "redis" ? 0 : 1);
        assert.equal(swept.records, short.kind === "redis" ? 0 : 1);
        assert.equal(sessionLocks.size, 0);
        // An expired session starts over cleanly.
        const again = await short.orderItem(sid, { item: "gin" });
        assert.ok(again.ok && again.state.version === 1 && again.state.tabCents === 800);
      } finally {
        await short.close();
      }
    });

    it("sessions are isolated from each other", async () => {
      const a = newSessionId();
      const b = newSessionId();
      await store.orderItem(a, { item: "brandy" });
      const other = await store.load(b);
      assert.ok(other.ok && other.state.tabCents === 0);
    });

    it("store state equals the pure bar model for any op sequence (property)", async () => {
      const op = fc.oneof(
        fc.record({
          kind: fc.constant("order" as const),
          item: fc.constantFrom("Martini", "IPA", "Water", "Long Island", "beer"),
          quantity: fc.integer({ min: 0, max: 21 }),
        }),
        fc.record({
          kind: fc.constant("remove" as const),
          item: fc.constantFrom("Martini", "IPA", "Water"),
          quantity: fc.integer({ min: 1, max: 3 }),
        }),
        fc.record({
          kind: fc.constant("tip" as const),
          percent: fc.constantFrom(10 as const, 15 as const, 20 as const),
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
          const sid = newSessionId();
          let model: BarState = initialBarState();
          let writes = 0;
          for (const o of ops) {
            const pure =
              o.kind === "order"
                ? pureOrder(model, o)
                : o.kind === "remove"
                  ? pureRemove(model, o)
                  : pureToggle(model, o.percent);
            const stored =
              o.kind === "order"
                ? await store.orderItem(sid, o)
                : o.kind === "remove"
                  ? await store.removeItem(sid, o)
                  : await store.toggleTip(sid, o.percent);
            assert.equal(stored.ok, pure.ok);
            if (pure.ok) {
              model = pure.state;
              writes += 1;
            } else if (!stored.ok) {
              assert.equal(stored.code, pure.code);
            }
          }
          const loaded = await store.load(sid);
          assert.ok(loaded.ok);
          assert.deepEqual(loaded.session.bar, model);
          assert.equal(loaded.state.version, writes);
        }),
        { numRuns: 25 },
      );
    });

    it("refuses use after close", async () => {
      const extra = await harness.open({ sweepIntervalMs: 0 });
      await extra.close();
      await assert.rejects(extra.load(newSessionId()), /closed/);
    });
  });
}
