import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startRedis, type TestRedis } from "../helpers/redis.ts";
import { Guest, startTestApp, type TestApp } from "./helpers/app.ts";

/** Redis stops answering: clear 503s quickly, nothing half-written; it comes back: work resumes. */
describe("when Redis stops answering", () => {
  let redis: TestRedis;
  let test: TestApp;

  before(async () => {
    redis = await startRedis();
    test = await startTestApp({
      env: { MAYA_STORE: redis.url },
      settings: { addressPerMinute: 50, sessionPerMinute: 50 },
    });
  });
  after(async () => {
    redis?.thaw();
    await test?.close();
    await redis?.stop();
  });

  it("answers 503 store_unavailable with Retry-After, not a hang or a 500, and recovers", async () => {
    const guest = new Guest(test);
    await guest.chat("Two Negronis");

    redis.freeze();
    try {
      const state = await guest.get("/api/state");
      assert.equal(state.statusCode, 503, state.body);
      assert.equal(state.json().error, "store_unavailable");
      assert.ok(Number(state.headers["retry-after"]) >= 1);
      const turn = await guest.post("/api/chat", { message: "A Martini" });
      assert.equal(turn.statusCode, 503, turn.body);
      assert.match(turn.json().message, /Nothing was lost/);
      const ready = await guest.get("/readyz");
      assert.equal(ready.statusCode, 503);
    } finally {
      redis.thaw();
    }

    let state = await guest.get("/api/state");
    for (let attempt = 0; attempt < 20 && state.statusCode !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = await guest.get("/api/state");
    }
    assert.equal(state.statusCode, 200);
    assert.equal(state.json().tabCents, 2200, "the frozen Martini was never half-ordered");
  });
});
