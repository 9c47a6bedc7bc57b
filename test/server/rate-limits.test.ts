import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createRateLimits, DEFAULT_SETTINGS } from "../../src/server/index.ts";
import { freePort } from "./helpers/app.ts";

describe("rate limits on Redis", () => {
  it("give up with a clear error, and no password, when Redis does not answer at start", async () => {
    const port = await freePort(); // nothing listens there
    await assert.rejects(
      createRateLimits(DEFAULT_SETTINGS, `redis://:hunter2-secret@127.0.0.1:${port}`),
      (error: Error) => {
        assert.equal(error.name, "RateLimitStoreError");
        assert.match(error.message, /cannot reach Redis/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  });
});
