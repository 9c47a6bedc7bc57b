import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, it } from "node:test";
import { createLogger } from "../../src/config/index.ts";
import { startRedis, type TestRedis } from "../helpers/redis.ts";
import { Guest, startTestApp, type TestApp } from "./helpers/app.ts";

/** The rate limits' own Redis client loses its connection: logged once per interval, and counted. */
describe("rate limits' Redis connection errors", () => {
  let redis: TestRedis;
  let test: TestApp;
  const lines: Record<string, unknown>[] = [];

  before(async () => {
    redis = await startRedis();
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    test = await startTestApp({
      env: { MAYA_STORE: redis.url },
      logger: createLogger({ level: "warn", destination: sink }),
    });
  });
  after(async () => {
    await test?.close();
    await redis?.stop();
  });

  it("are logged as rate_limits.connection_error and counted in /metrics", async () => {
    await redis.crash();
    const logged = () => lines.filter((line) => line.event === "rate_limits.connection_error");
    for (let waited = 0; logged().length === 0 && waited < 10_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [first, ...rest] = logged();
    assert.ok(first, "a rate_limits.connection_error line");
    assert.equal(first.backend, "redis");
    assert.equal(typeof first.message, "string");
    assert.equal(rest.length, 0, "at most one line per interval while Redis stays down");

    const metrics = (await new Guest(test).get("/metrics")).body;
    assert.match(
      metrics,
      /maya_agent_events_total\{event="rate_limit_connection_errors",detail="redis"\} [1-9]/,
    );
    await redis.revive();
  });
});
