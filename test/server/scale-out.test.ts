import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startRedis, type TestRedis } from "../helpers/redis.ts";
import { HttpGuest, type ServeProcess, startServe } from "./helpers/serve-process.ts";

/**
 * Two `maya serve` processes and one Redis: one guest's requests alternate
 * between the instances, carrying the cookie. Nothing may be lost, nothing
 * charged twice, and rate limits are one budget across both.
 */
describe("scale-out on Redis", () => {
  let redis: TestRedis;
  let a: ServeProcess;
  let b: ServeProcess;

  before(async () => {
    redis = await startRedis();
    const env = {
      MAYA_STORE: redis.url,
      MAYA_SESSION_RATE_LIMIT_PER_MINUTE: "40",
      MAYA_RATE_LIMIT_PER_MINUTE: "1000",
    };
    // One after the other: two cold starts at once on a busy machine take longest.
    a = await startServe(env);
    b = await startServe(env);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it("alternating instances: every order lands, one link, one charge", async () => {
    const guest = new HttpGuest();
    const instances = [a, b];
    const orders = ["A Negroni", "Two IPAs", "A Martini", "One Water", "A Daiquiri", "Two Sodas"];
    const expected = [1100, 1200, 1300, 100, 1000, 600];
    let total = 0;
    for (const [i, message] of orders.entries()) {
      const turn = await guest.call(instances[i % 2]!.origin, "POST", "/api/chat", { message });
      assert.equal(turn.status, 200, turn.text);
      total += expected[i]!;
      assert.equal((turn.json.state as { tabCents: number }).tabCents, total, `after "${message}"`);
    }
    const onB = await guest.call(b.origin, "GET", "/api/state");
    assert.equal(onB.json.tabCents, 5300);
    assert.equal((onB.json.order as unknown[]).length, 6);

    const tip = await guest.call(a.origin, "POST", "/api/tip", { percent: 10 });
    assert.equal((tip.json.state as { totalCents: number }).totalCents, 5830);

    // Pay pressed on both instances at once: one attempt, one link.
    const [payA, payB] = await Promise.all([
      guest.call(a.origin, "POST", "/api/pay"),
      guest.call(b.origin, "POST", "/api/pay"),
    ]);
    assert.equal(payA.status, 200, payA.text);
    assert.equal(payB.status, 200, payB.text);
    assert.equal(payA.json.paymentId, payB.json.paymentId);

    // The link made on A is paid on B; a second click on A is refused.
    const path = new URL(payA.json.url as string).pathname;
    const form = (origin: string) =>
      fetch(`${origin}${path}`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "",
      });
    assert.equal((await form(b.origin)).status, 200);
    assert.equal((await form(a.origin)).status, 409);

    for (const instance of instances) {
      const status = await guest.call(instance.origin, "GET", "/api/pay/status");
      assert.equal(status.json.status, "completed");
      const state = status.json.state as {
        tabCents: number;
        balanceCents: number;
        tipCents: number;
      };
      assert.equal(state.tabCents, 0);
      assert.equal(state.tipCents, 0);
      assert.equal(
        state.balanceCents,
        100_000 - 5300,
        "drinks debited once, nothing refunded or doubled",
      );
    }
  });

  it("reset on one instance retires the old cookie on the other", async () => {
    const guest = new HttpGuest();
    await guest.call(a.origin, "POST", "/api/chat", { message: "Two Negronis" });
    const old = guest.cookie;
    const reset = await guest.call(b.origin, "POST", "/api/reset");
    assert.equal((reset.json.state as { tabCents: number }).tabCents, 2200);
    assert.equal((await guest.call(a.origin, "GET", "/api/state")).json.tabCents, 2200);

    const stale = new HttpGuest();
    stale.cookie = old;
    assert.equal((await stale.call(a.origin, "GET", "/api/state")).json.tabCents, 0);
  });

  it("one session's rate limit is shared by both instances", async () => {
    const guest = new HttpGuest();
    const codes: number[] = [];
    for (let i = 0; i < 42; i++) {
      const instance = i % 2 === 0 ? a : b;
      codes.push((await guest.call(instance.origin, "POST", "/api/tip", { percent: null })).status);
    }
    assert.deepEqual(codes.slice(0, 40), new Array(40).fill(200));
    assert.deepEqual(codes.slice(40), [429, 429]);
  });
});
