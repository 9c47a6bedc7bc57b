import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { PaymentProviderError, StripeMcpPaymentAdapter } from "../../src/payments/index.ts";
import { startFakeStripeMcpHttp } from "./fake-stripe/mcp-server.ts";
import { FakeStripe } from "./fake-stripe/server.ts";
import { linkRequest } from "./helpers.ts";

const signal = () => AbortSignal.timeout(10_000);
const stdioServer = fileURLToPath(new URL("./fake-stripe/mcp-stdio.ts", import.meta.url));

describe("stripe-mcp adapter (real MCP SDK client against a fake Stripe MCP server)", () => {
  let fake: FakeStripe;
  let http: Awaited<ReturnType<typeof startFakeStripeMcpHttp>>;
  let overHttp: StripeMcpPaymentAdapter;
  let overStdio: StripeMcpPaymentAdapter;

  before(async () => {
    fake = await FakeStripe.start();
    http = await startFakeStripeMcpHttp({ apiUrl: fake.url, secretKey: fake.secretKey });
    overHttp = new StripeMcpPaymentAdapter({
      target: { kind: "url", url: http.url },
      secretKey: fake.secretKey,
    });
    overStdio = new StripeMcpPaymentAdapter({
      target: {
        kind: "command",
        command: `"${process.execPath}" "${stdioServer}"`,
        env: { FAKE_STRIPE_API_URL: fake.url },
      },
      secretKey: fake.secretKey,
    });
  });
  after(async () => {
    await overHttp.close();
    await overStdio.close();
    await http.stop();
    await fake.stop();
  });

  for (const [name, adapter] of [
    ["Streamable HTTP with a bearer key", () => overHttp],
    ["a stdio command", () => overStdio],
  ] as const) {
    test(`over ${name}: probe, create a link, read its status`, async () => {
      await adapter().probe({ signal: signal() });
      const link = await adapter().createPaymentLink(linkRequest("mcp-guest", 1_850), {
        signal: signal(),
      });
      assert.match(link.paymentId, /^plink_/);
      const stored = fake.links.get(link.paymentId);
      const price = fake.prices.get(stored?.line_items[0]?.price ?? "");
      assert.equal(price?.unit_amount, 1_850);
      assert.equal(await adapter().getStatus(link.paymentId, { signal: signal() }), "pending");
      fake.expireLink(link.paymentId);
      assert.equal(await adapter().getStatus(link.paymentId, { signal: signal() }), "expired");
    });
  }

  test("a tool answering with a failure sentence is a retryable error, not a link", async () => {
    fake.inject({ status: 500, path: "/v1/payment_links" });
    const request = linkRequest("mcp-fail");
    await assert.rejects(
      overHttp.createPaymentLink(request, { signal: signal() }),
      (error: unknown) =>
        error instanceof PaymentProviderError &&
        error.kind === "server" &&
        error.retryable &&
        /Failed to create payment link/.test(error.message),
    );
    // The retry of the same attempt resumes after the steps that worked: no second product or price.
    const products = fake.products.size;
    const prices = fake.prices.size;
    const link = await overHttp.createPaymentLink(request, { signal: signal() });
    assert.match(link.paymentId, /^plink_/);
    assert.equal(fake.products.size, products);
    assert.equal(fake.prices.size, prices);
    assert.deepEqual(await overHttp.createPaymentLink(request, { signal: signal() }), link);
  });

  test("a tool call that outlives its deadline ends as a retryable timeout", async () => {
    await overStdio.probe({ signal: signal() });
    fake.inject({ delayMs: 2_000, path: "/v1/products" });
    await assert.rejects(
      overStdio.createPaymentLink(linkRequest("mcp-slow"), { signal: AbortSignal.timeout(100) }),
      (error: unknown) =>
        error instanceof PaymentProviderError && error.kind === "timeout" && error.retryable,
    );
  });

  test("a wrong bearer key or an unreachable server is an error with a cause, never a hang", async () => {
    const wrongKey = new StripeMcpPaymentAdapter({
      target: { kind: "url", url: http.url },
      secretKey: "sk_test_wrongkey123456",
    });
    await assert.rejects(wrongKey.probe({ signal: signal() }), PaymentProviderError);
    const nowhere = new StripeMcpPaymentAdapter({
      target: { kind: "url", url: "http://127.0.0.1:9/mcp" },
      secretKey: fake.secretKey,
    });
    await assert.rejects(
      nowhere.probe({ signal: signal() }),
      (error: unknown) => error instanceof PaymentProviderError && error.retryable,
    );
    const noCommand = new StripeMcpPaymentAdapter({
      target: { kind: "command", command: "/nonexistent/stripe-mcp" },
      secretKey: fake.secretKey,
    });
    await assert.rejects(noCommand.probe({ signal: signal() }), PaymentProviderError);
  });
});
