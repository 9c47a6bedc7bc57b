import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RequestTimeoutError, requestDeadline, untilAborted } from "../../src/server/deadline.ts";

describe("request deadlines", () => {
  it("a request that outlives its deadline ends with RequestTimeoutError", async () => {
    const deadline = requestDeadline(20);
    const never = new Promise<string>(() => {});
    await assert.rejects(untilAborted(never, deadline.signal), RequestTimeoutError);
  });

  it("work that finishes first wins, and the deadline is cleared", async () => {
    const deadline = requestDeadline(10_000);
    assert.equal(await untilAborted(Promise.resolve("served"), deadline.signal), "served");
    deadline.clear();
    assert.equal(deadline.signal.aborted, false);
  });

  it("the work's own error comes through unchanged", async () => {
    const deadline = requestDeadline(10_000);
    await assert.rejects(
      untilAborted(Promise.reject(new TypeError("bug")), deadline.signal),
      TypeError,
    );
    deadline.clear();
  });
});
