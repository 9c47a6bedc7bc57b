import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { STARTING_BALANCE_CENTS } from "../../src/bar/index.ts";
import {
  newSessionId,
  openStore,
  type SessionStore,
  StoreUnavailableError,
} from "../../src/state/index.ts";
import { startRedis, type TestRedis } from "../helpers/redis.ts";
import { storeContract } from "./contract.ts";
import { ordersFromAnotherProcess } from "./fixtures/processes.ts";

storeContract("redis", async () => {
  const redis = await startRedis();
  return {
    open: (options) => openStore(redis.url, options),
    // Redis expires keys on its own clock: let real time pass.
    advance: (ms) => sleep(ms),
    close: () => redis.stop(),
  };
});

/** Retries `fn` until it stops throwing StoreUnavailableError (Redis coming back), a bounded number of times. */
async function eventually<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= 100) throw error;
      await sleep(100);
    }
  }
}

describe("redis adapter", () => {
  let redis: TestRedis;
  let store: SessionStore;

  before(async () => {
    redis = await startRedis();
    store = await openStore(redis.url, { sweepIntervalMs: 0, commandTimeoutMs: 500 });
  });
  after(async () => {
    await store.close();
    await redis.stop();
  });

  it("keeps each session under one hash tag with a TTL (Cluster-ready, self-expiring)", async () => {
    const sid = newSessionId();
    await store.orderItem(sid, { item: "gin" });
    await store.markEventProcessed("evt_hash_tag_check");
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const keys = await client.keys("maya:*");
      assert.ok(keys.includes(`maya:session:{${sid}}`), keys.join(","));
      assert.ok(keys.includes("maya:record:{event:evt_hash_tag_check}"));
      const ttl = await client.pTTL(`maya:session:{${sid}}`);
      assert.ok(ttl > 3_500_000 && ttl <= 3_600_000, String(ttl));
    } finally {
      await client.close();
    }
  });

  it("after a Redis restart (an empty cache) sessions read fresh and scripts load again", {
    timeout: 60_000,
  }, async () => {
    const sid = newSessionId();
    assert.ok((await store.orderItem(sid, { item: "rum" })).ok);
    await redis.restart();
    const lost = await eventually(() => store.load(sid));
    assert.ok(lost.ok && lost.isNew);
    // The compare-and-set script is gone from the new server's cache: it is sent again.
    const again = await eventually(() => store.orderItem(sid, { item: "rum" }));
    assert.ok(again.ok && again.state.version === 1);
  });

  it("an unreachable Redis at start-up is a clear error that never shows the password", {
    timeout: 20_000,
  }, async () => {
    await assert.rejects(
      openStore("redis://:s3cret-pass@127.0.0.1:1", { connectTimeoutMs: 500 }),
      (error: Error) => {
        assert.ok(error instanceof StoreUnavailableError);
        assert.equal(error.code, "store_unavailable");
        assert.match(error.message, /Cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      },
    );
  });
});

describe("redis faults", () => {
  let redis: TestRedis;
  let store: SessionStore;

  before(async () => {
    redis = await startRedis();
    store = await openStore(redis.url, { sweepIntervalMs: 0, commandTimeoutMs: 500 });
  });
  after(async () => {
    await store.close();
    await redis.stop();
  });

  it("down: operations reject with StoreUnavailableError; back up: they work again without a restart", {
    timeout: 60_000,
  }, async () => {
    const sid = newSessionId();
    assert.ok((await store.orderItem(sid, { item: "IPA" })).ok);
    const port = redis.port;
    // Stop the server but keep the port: restart() would bring it straight back, so freeze instead first.
    redis.freeze();
    await assert.rejects(store.orderItem(sid, { item: "IPA" }), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError, String(error));
      assert.match(
        error.message,
        new RegExp(`Redis at redis://127\\.0\\.0\\.1:${port} is unavailable`),
      );
      return true;
    });
    await assert.rejects(store.ping(), StoreUnavailableError);
    redis.thaw();
    const after = await eventually(() => store.load(sid));
    // The failed write left no trace (the frozen server never ran it, or ran it whole).
    assert.ok(after.ok && (after.state.version === 1 || after.state.version === 2));
    assert.equal(after.state.tabCents, after.state.version * 600);
    const next = await eventually(() => store.orderItem(sid, { item: "IPA" }));
    assert.ok(next.ok && next.state.version === after.state.version + 1);
  });

  it("killed: calls fail with a clear error at once; revived: work resumes by itself", {
    timeout: 60_000,
  }, async () => {
    const sid = newSessionId();
    assert.ok((await eventually(() => store.orderItem(sid, { item: "soda" }))).ok);
    await redis.crash();
    await assert.rejects(store.orderItem(sid, { item: "soda" }), StoreUnavailableError);
    await assert.rejects(store.load(sid), /Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable/);
    await redis.revive();
    // A killed cache comes back empty; the session starts over and writes work again.
    const resumed = await eventually(() => store.orderItem(sid, { item: "soda" }));
    assert.ok(resumed.ok && resumed.state.version === 1);
  });

  it("two processes ordering on one session: nothing lost, nothing negative", {
    timeout: 90_000,
  }, async () => {
    const sid = newSessionId();
    const [a, b] = await Promise.all([
      ordersFromAnotherProcess(redis.url, sid, 100),
      ordersFromAnotherProcess(redis.url, sid, 100),
    ]);
    const loaded = await eventually(() => store.load(sid));
    assert.ok(loaded.ok);
    const succeeded = a.succeeded + b.succeeded;
    assert.equal(loaded.state.version, succeeded);
    assert.equal(loaded.state.tabCents, a.chargedCents + b.chargedCents);
    assert.equal(loaded.state.balanceCents, STARTING_BALANCE_CENTS - loaded.state.tabCents);
    assert.ok(loaded.state.balanceCents >= 0);
    assert.ok(
      succeeded >= 190,
      `most orders succeed (${succeeded}, ${JSON.stringify([a.failures, b.failures])})`,
    );
  });
});
