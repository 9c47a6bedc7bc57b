import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createRuntimeFromEnv } from "../../src/commands/runtime.ts";
import { scrubbedMessage, storeErrorReporter } from "../../src/commands/store-errors.ts";
import { createLogger } from "../../src/config/index.ts";
import { startRedis } from "../helpers/redis.ts";

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination: sink }) };
}

describe("store connection errors", () => {
  it("are all counted but logged once per interval, with how many were left out", () => {
    const { lines, logger } = captureLogger();
    const counted: string[] = [];
    let clock = 0;
    const report = storeErrorReporter({
      logger,
      onEvent: (name, labels) => counted.push(`${name}:${labels.backend}`),
      storeUrl: "redis://127.0.0.1:6379",
      intervalMs: 1000,
      now: () => clock,
    });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), {
      code: "ECONNREFUSED",
    });
    for (let i = 0; i < 5; i++) {
      report(refused);
      clock += 300;
    }
    assert.equal(counted.length, 5);
    assert.ok(counted.every((c) => c === "store_connection_errors:redis"));
    assert.equal(lines.length, 2, "t=0 and t=1200 only");
    assert.equal(lines[0]?.event, "store.connection_error");
    assert.equal(lines[0]?.code, "ECONNREFUSED");
    assert.equal(lines[0]?.suppressed, 0);
    assert.equal(lines[1]?.suppressed, 3);
  });

  it("never carry the password or user name of the store URL", () => {
    const url = "redis://maya-user:s3cr%40t-pw@redis.internal:6379/0";
    const error = new Error(
      `WRONGPASS for maya-user with s3cr@t-pw at redis://maya-user:s3cr%40t-pw@redis.internal:6379/0`,
    );
    const text = scrubbedMessage(error, url);
    assert.doesNotMatch(text, /s3cr/);
    assert.doesNotMatch(text, /maya-user/);
    assert.match(text, /redis\.internal:6379/, "where it failed is kept");
  });

  it("from a real Redis going away are logged by the runtime", async () => {
    const redis = await startRedis();
    const { lines, logger } = captureLogger();
    const runtime = await createRuntimeFromEnv(
      { MAYA_STORE: redis.url, LOG_LEVEL: "info" },
      { logger },
    );
    try {
      await redis.crash();
      for (let waited = 0; waited < 10_000; waited += 50) {
        if (lines.some((line) => line.event === "store.connection_error")) break;
        await sleep(50);
      }
      const logged = lines.find((line) => line.event === "store.connection_error");
      assert.ok(logged, "a connection error was logged");
      assert.equal(logged.backend, "redis");
      await redis.revive();
    } finally {
      await runtime.close();
      await redis.stop();
    }
  });
});
