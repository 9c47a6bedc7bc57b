import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { IDEMPOTENCY_KEY_PATTERN, newIdempotencyKey } from "../../src/payments/index.ts";
import { DEFAULT_RETRY_POLICY, fullJitterDelay } from "../../src/payments/resilience/backoff.ts";
import { splitCommand } from "../../src/payments/stripe-mcp/command.ts";

describe("idempotency keys", () => {
  test("property: fresh keys are unique, carry the session id and fit Stripe's and the bar's limits", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,128}$/), (sessionId) => {
        const a = newIdempotencyKey(sessionId);
        const b = newIdempotencyKey(sessionId);
        assert.notEqual(a, b);
        assert.ok(a.includes(sessionId));
        assert.match(a, IDEMPOTENCY_KEY_PATTERN);
        assert.ok(`${a}:price`.length <= 255);
      }),
    );
  });

  test("odd session ids are refused", () => {
    for (const bad of ["", "a b", "x".repeat(129), "../etc", "é"]) {
      assert.throws(() => newIdempotencyKey(bad), TypeError);
    }
  });
});

describe("full-jitter backoff", () => {
  test("property: the pause is in [0, min(max, base·2^(n-1)))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (attempt, random) => {
          const cap = Math.min(
            DEFAULT_RETRY_POLICY.maxDelayMs,
            DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1),
          );
          const delay = fullJitterDelay(attempt, DEFAULT_RETRY_POLICY, () => random);
          assert.ok(delay >= 0 && delay < cap);
        },
      ),
    );
  });
});

describe("MCP command lines", () => {
  test("split into words with quotes and no shell", () => {
    assert.deepEqual(splitCommand("npx -y @stripe/mcp --tools=all"), [
      "npx",
      "-y",
      "@stripe/mcp",
      "--tools=all",
    ]);
    assert.deepEqual(splitCommand(`"/opt/my node/node"  'a b' ""  c$HOME`), [
      "/opt/my node/node",
      "a b",
      "",
      "c$HOME",
    ]);
    assert.deepEqual(splitCommand("   "), []);
    assert.throws(() => splitCommand('npx "open'), SyntaxError);
  });
});
