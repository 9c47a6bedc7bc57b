import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ConfigError, parseEnv } from "../../src/config/index.ts";
import { createPaymentGateway, paymentSettingsFromEnv } from "../../src/payments/index.ts";

const settingsOf = (env: Record<string, string>) => paymentSettingsFromEnv(parseEnv(env));
const TEST_KEY = "sk_test_51abcdefghijklmnop";

describe("payment settings", () => {
  test("no key: the mock, with the mock fallback in development and 'fail' in production", () => {
    assert.equal(settingsOf({}).provider, "mock");
    assert.equal(settingsOf({}).fallback, "mock");
    assert.equal(settingsOf({ NODE_ENV: "production" }).fallback, "fail");
    assert.equal(
      settingsOf({ MAYA_ENV: "production", MAYA_PAYMENT_FALLBACK: "mock" }).fallback,
      "mock",
    );
    assert.equal(settingsOf({}).probeTtlMs, 30_000);
  });

  test("a key without MAYA_PAYMENTS picks Stripe (the MCP server when one is configured)", () => {
    assert.equal(settingsOf({ STRIPE_SECRET_KEY: TEST_KEY }).provider, "stripe");
    assert.equal(
      settingsOf({ STRIPE_SECRET_KEY: "rk_test_51abcdefghijklmnop" }).provider,
      "stripe",
    );
    const mcp = settingsOf({
      STRIPE_SECRET_KEY: TEST_KEY,
      STRIPE_MCP_COMMAND: "npx -y @stripe/mcp --tools=all",
    });
    assert.equal(mcp.provider, "stripe-mcp");
    assert.deepEqual(mcp.mcp, { kind: "command", command: "npx -y @stripe/mcp --tools=all" });
    assert.equal(
      settingsOf({ MAYA_PAYMENTS: "mock", STRIPE_SECRET_KEY: TEST_KEY }).provider,
      "mock",
    );
  });

  test("missing, malformed or dangerous values are start-up errors naming the variable", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ MAYA_PAYMENTS: "stripe" }, /STRIPE_SECRET_KEY is required/],
      [{ MAYA_PAYMENTS: "stripe-mcp" }, /STRIPE_SECRET_KEY is required/],
      [{ STRIPE_SECRET_KEY: "pk_test_51abcdefghijklmnop" }, /STRIPE_SECRET_KEY is malformed/],
      [{ STRIPE_SECRET_KEY: "hello" }, /STRIPE_SECRET_KEY is malformed/],
      [{ STRIPE_SECRET_KEY: "sk_live_51abcdefghijklmnop" }, /STRIPE_ALLOW_LIVE_KEYS/],
      [
        { MAYA_PAYMENTS: "stripe-mcp", STRIPE_SECRET_KEY: TEST_KEY },
        /STRIPE_MCP_COMMAND or STRIPE_MCP_URL/,
      ],
      [
        {
          STRIPE_SECRET_KEY: TEST_KEY,
          STRIPE_MCP_COMMAND: "x",
          STRIPE_MCP_URL: "https://mcp.stripe.com",
        },
        /only one of STRIPE_MCP_COMMAND and STRIPE_MCP_URL/,
      ],
      [
        { STRIPE_SECRET_KEY: TEST_KEY, STRIPE_MCP_COMMAND: 'npx "unterminated' },
        /STRIPE_MCP_COMMAND/,
      ],
      [
        { STRIPE_SECRET_KEY: TEST_KEY, STRIPE_API_URL: "http://stripe.example.com" },
        /STRIPE_API_URL must be an https/,
      ],
      [
        { STRIPE_SECRET_KEY: TEST_KEY, STRIPE_MCP_URL: "http://mcp.example.com" },
        /STRIPE_MCP_URL must be an https/,
      ],
      [{ STRIPE_WEBHOOK_SECRET: "secret" }, /STRIPE_WEBHOOK_SECRET/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => settingsOf(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
        JSON.stringify(env),
      );
    }
    assert.throws(() => parseEnv({ MAYA_PAYMENTS: "paypal" }), /MAYA_PAYMENTS/);
  });

  test("live keys only with the explicit setting; local http only for loopback test servers", () => {
    const live = settingsOf({
      STRIPE_SECRET_KEY: "sk_live_51abcdefghijklmnop",
      STRIPE_ALLOW_LIVE_KEYS: "true",
    });
    assert.equal(live.provider, "stripe");
    const local = settingsOf({
      STRIPE_SECRET_KEY: TEST_KEY,
      STRIPE_API_URL: "http://127.0.0.1:12111",
    });
    assert.equal(local.apiUrl, "http://127.0.0.1:12111");
  });

  test("settings built in code cannot slip a live key past the opt-in", () => {
    const live = {
      provider: "stripe",
      fallback: "mock",
      secretKey: "sk_live_51abcdefghijklmnop",
      probeTtlMs: 1_000,
    } as const;
    assert.throws(() => createPaymentGateway(live), /STRIPE_ALLOW_LIVE_KEYS/);
    assert.equal(createPaymentGateway({ ...live, allowLiveKeys: true }).provider, "stripe");
  });

  test("the default gateway is the mock and works offline", async () => {
    const gateway = createPaymentGateway(settingsOf({}));
    assert.equal(gateway.provider, "mock");
    assert.deepEqual((await gateway.probe()).available, true);
  });
});
