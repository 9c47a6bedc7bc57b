import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  InMemoryMockPaymentRecords,
  MockPaymentAdapter,
  newIdempotencyKey,
  ResilientGateway,
  type ResilientGatewayOptions,
  type RetryPolicy,
} from "../../src/payments/index.ts";
import { FakeClock, linkRequest } from "./helpers.ts";
import { failure, ScriptedAdapter, type Step } from "./scripted-adapter.ts";

const POLICY: RetryPolicy = {
  maxAttempts: 4,
  attemptTimeoutMs: 1_000,
  overallDeadlineMs: 10_000,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
};

function setup(
  steps: Step[],
  options: Partial<ResilientGatewayOptions> & { costMs?: number } = {},
) {
  const clock = new FakeClock();
  const primary = new ScriptedAdapter(clock, steps, options.costMs ?? 0);
  const mock = new MockPaymentAdapter({
    records: new InMemoryMockPaymentRecords({ now: () => clock.now() }),
    now: () => clock.now(),
  });
  const gateway = new ResilientGateway({
    primary,
    mock,
    fallback: "mock",
    retry: POLICY,
    clock,
    random: () => 0.5,
    ...options,
  });
  return { clock, primary, mock, gateway };
}

describe("retries", () => {
  test("retryable failures are retried with the same key until one succeeds", async () => {
    const { primary, gateway, clock } = setup([
      failure("server", 503),
      failure("rate_limited", 429),
      failure("conflict", 409),
      "ok",
    ]);
    const request = linkRequest("guest-1");
    const result = await gateway.createPaymentLink(request);
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.simulated, false);
    assert.equal(primary.calls.length, 4);
    assert.ok(primary.calls.every((c) => c.key === request.idempotencyKey));
    // Full jitter with random()=0.5: half of 100, 200, 400.
    assert.deepEqual(clock.sleeps, [50, 100, 200]);
  });

  test("final failures are not retried", async () => {
    const { primary, gateway } = setup([failure("invalid_request", 400)]);
    const result = await gateway.createPaymentLink(linkRequest("guest-2"));
    assert.deepEqual(result.ok ? undefined : result.failure.code, "invalid_payment_request");
    assert.equal(primary.calls.length, 1);
  });

  test("a key the provider says was used with other parameters is a typed failure", async () => {
    const { gateway } = setup([failure("idempotency_mismatch", 400)]);
    const result = await gateway.createPaymentLink(linkRequest("guest-3"));
    assert.equal(result.ok ? undefined : result.failure.code, "idempotency_key_reused");
  });

  test("property: no attempt starts and no pause ends at or past the overall deadline; attempts stay within the maximum", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          maxAttempts: fc.integer({ min: 1, max: 12 }),
          overallDeadlineMs: fc.integer({ min: 1, max: 20_000 }),
          baseDelayMs: fc.integer({ min: 1, max: 2_000 }),
          maxDelayMs: fc.integer({ min: 1, max: 8_000 }),
          costMs: fc.integer({ min: 0, max: 3_000 }),
          jitter: fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        }),
        async ({ costMs, jitter, ...policy }) => {
          const clock = new FakeClock();
          const primary = new ScriptedAdapter(clock, [failure("server", 500)], costMs);
          const gateway = new ResilientGateway({
            primary,
            fallback: "fail",
            retry: { ...policy, attemptTimeoutMs: 60_000 },
            clock,
            random: () => jitter,
          });
          const start = clock.now();
          const deadline = start + policy.overallDeadlineMs;
          const sleepEnds: number[] = [];
          const sleep = clock.sleep.bind(clock);
          clock.sleep = async (ms: number) => {
            await sleep(ms);
            sleepEnds.push(clock.now());
          };
          const result = await gateway.createPaymentLink(linkRequest("prop-guest"));
          assert.equal(result.ok ? undefined : result.failure.code, "payment_unavailable");
          assert.ok(primary.calls.length >= 1 && primary.calls.length <= policy.maxAttempts);
          for (const call of primary.calls)
            assert.ok(call.at < deadline, "attempt started past the deadline");
          for (const end of sleepEnds) assert.ok(end < deadline, "slept past the deadline");
        },
      ),
      { numRuns: 150 },
    );
  });

  test("out of attempts: falls back to the mock, clearly simulated, and says which fallback", async () => {
    const { primary, gateway } = setup([failure("server", 500)]);
    const result = await gateway.createPaymentLink(linkRequest("guest-4"));
    assert.equal(primary.calls.length, POLICY.maxAttempts);
    assert.ok(result.ok);
    assert.equal(result.simulated, true);
    assert.equal(result.provider, "mock");
    assert.equal(result.fallback, "mock");
    assert.match(result.url, /^\/pay\/mock\/mock_[0-9a-f]{32}$/);
  });

  test("out of attempts with fallback 'fail': a typed payment_unavailable result with a clear sentence", async () => {
    const { gateway } = setup([failure("network")], { fallback: "fail" });
    const result = await gateway.createPaymentLink(linkRequest("guest-5"));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.failure.code, "payment_unavailable");
    assert.match(
      !result.ok ? result.failure.message : "",
      /^The payment service is unavailable.*\.$/,
    );
  });
});

describe("availability probe", () => {
  test("a failed probe is cached for the TTL: requests fall back at once without calling the provider", async () => {
    const { primary, gateway, clock } = setup(["ok"], { probeTtlMs: 30_000 });
    primary.probeStep = failure("network");
    for (let i = 0; i < 5; i++) {
      const result = await gateway.createPaymentLink(linkRequest(`down-${i}`));
      assert.ok(result.ok && result.fallback === "mock");
    }
    assert.equal(primary.probeCalls, 1);
    assert.equal(primary.calls.length, 0);
    assert.deepEqual(clock.sleeps, []);

    // After the TTL the provider is asked again, and it is back.
    primary.probeStep = "ok";
    clock.advance(30_000);
    const result = await gateway.createPaymentLink(linkRequest("back"));
    assert.ok(result.ok && result.fallback === null && !result.simulated);
    assert.equal(primary.probeCalls, 2);
  });

  test("a good probe is cached too, and concurrent probes share one call", async () => {
    const { primary, gateway, clock } = setup(["ok"], { probeTtlMs: 1_000 });
    await Promise.all(Array.from({ length: 10 }, () => gateway.probe()));
    assert.equal(primary.probeCalls, 1);
    clock.advance(999);
    assert.equal((await gateway.probe()).available, true);
    assert.equal(primary.probeCalls, 1);
    clock.advance(1);
    await gateway.probe();
    assert.equal(primary.probeCalls, 2);
  });

  test("running out of attempts marks the provider down: the next request does not retry", async () => {
    const { primary, gateway } = setup([failure("server", 502)]);
    await gateway.createPaymentLink(linkRequest("first"));
    const callsAfterFirst = primary.calls.length;
    const second = await gateway.createPaymentLink(linkRequest("second"));
    assert.ok(second.ok && second.fallback === "mock");
    assert.equal(primary.calls.length, callsAfterFirst);
    assert.equal((await gateway.probe()).available, false);
  });
});

describe("idempotency and bad input", () => {
  test("one key is never used for a different amount", async () => {
    const { primary, gateway } = setup(["ok"]);
    const key = newIdempotencyKey("guest-6");
    assert.ok((await gateway.createPaymentLink(linkRequest("guest-6", 1_000, key))).ok);
    const other = await gateway.createPaymentLink(linkRequest("guest-6", 1_500, key));
    assert.equal(!other.ok && other.failure.code, "idempotency_key_reused");
    assert.equal(primary.calls.length, 1);
  });

  test("a key made for another session is refused", async () => {
    const { primary, gateway } = setup(["ok"]);
    const result = await gateway.createPaymentLink(
      linkRequest("guest-7", 1_000, newIdempotencyKey("someone-else")),
    );
    assert.equal(!result.ok && result.failure.code, "idempotency_key_reused");
    assert.equal(primary.calls.length, 0);
  });

  test("property: malformed amounts, currencies and keys get invalid_payment_request and reach no provider", async () => {
    const { primary, gateway } = setup(["ok"]);
    const badAmount = fc.oneof(
      fc.integer({ max: 0 }),
      fc.double({ noNaN: false }).filter((n) => !Number.isInteger(n)),
      fc.integer({ min: 100_000_000 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badAmount.map((amountCents) => ({ ...linkRequest("bad"), amountCents })),
          fc
            .string()
            .filter((c) => !/^[a-z]{3}$/.test(c))
            .map((currency) => ({ ...linkRequest("bad"), currency })),
          fc.string().map((idempotencyKey) => ({ ...linkRequest("bad"), idempotencyKey })),
          fc.constantFrom("", "   ").map((description) => ({ ...linkRequest("bad"), description })),
        ),
        async (request) => {
          const result = await gateway.createPaymentLink(request);
          assert.equal(!result.ok && result.failure.code, "invalid_payment_request");
        },
      ),
    );
    assert.equal(primary.calls.length, 0);
  });

  test("fifty concurrent requests with one key make one provider call and one link", async () => {
    const { primary, gateway } = setup(["ok"]);
    const request = linkRequest("busy-guest");
    const results = await Promise.all(
      Array.from({ length: 50 }, () => gateway.createPaymentLink({ ...request })),
    );
    assert.equal(primary.calls.length, 1);
    const ids = new Set(results.map((r) => (r.ok ? r.paymentId : "failed")));
    assert.deepEqual([...ids], [`plink_${request.idempotencyKey.split(".")[1]}`]);
  });
});

describe("status", () => {
  test("mock ids made by a fallback are answered by the mock, provider ids by the provider, others are not found", async () => {
    const { gateway } = setup([failure("server", 500)]);
    const fallback = await gateway.createPaymentLink(linkRequest("guest-8"));
    assert.ok(fallback.ok);
    assert.deepEqual(await gateway.getStatus(fallback.paymentId), { ok: true, status: "pending" });
    assert.deepEqual(await gateway.getStatus("plink_abc"), { ok: true, status: "pending" });
    for (const id of ["", "nope", "mock_short", "../../etc", "x".repeat(300)]) {
      const result = await gateway.getStatus(id);
      assert.equal(!result.ok && result.failure.code, "payment_not_found", id);
    }
  });

  test("polling ends with the first final status", async () => {
    const { primary, gateway } = setup(["ok"]);
    primary.statuses = ["pending", "pending", "succeeded"];
    assert.equal(
      await gateway.waitForPayment("plink_x", { intervalMs: 1_000, deadlineMs: 60_000 }),
      "succeeded",
    );
    assert.equal(primary.statusCalls.length, 3);
    primary.statusCalls.length = 0;
    primary.statuses = ["failed"];
    assert.equal(await gateway.waitForPayment("plink_x"), "failed");
  });

  test("polling stops at the wall-clock deadline with 'timeout', polling once per interval", async () => {
    const { primary, gateway, clock } = setup(["ok"]);
    const start = clock.now();
    const outcome = await gateway.waitForPayment("plink_x", {
      intervalMs: 2_000,
      deadlineMs: 9_000,
    });
    assert.equal(outcome, "timeout");
    assert.deepEqual(
      primary.statusCalls.map((t) => t - start),
      [0, 2_000, 4_000, 6_000, 8_000],
    );
    assert.ok(clock.now() - start <= 9_000);
  });

  test("a status call that never answers is cut by the per-poll timeout and polling still ends", async () => {
    const { primary, gateway } = setup(["ok"]);
    primary.hangStatus = true;
    const outcome = await gateway.waitForPayment("plink_x", {
      intervalMs: 1_000,
      perPollTimeoutMs: 10,
      deadlineMs: 3_000,
    });
    assert.equal(outcome, "timeout");
    assert.equal(primary.statusCalls.length, 3);
  });

  test("an unknown payment ends as expired at once", async () => {
    const { gateway } = setup(["ok"]);
    assert.equal(await gateway.waitForPayment("mock_00000000000000000000000000000000"), "expired");
  });
});
