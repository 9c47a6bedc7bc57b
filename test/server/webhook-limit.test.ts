import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { WEBHOOK_BODY_LIMIT_BYTES } from "../../src/server/routes/checkout.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

let test: TestApp;
before(async () => {
  test = await startTestApp({ env: { STRIPE_WEBHOOK_SECRET: `whsec_${"t".repeat(32)}` } });
});
after(() => test.close());

function deliver(bytes: number) {
  return test.app.inject({
    method: "POST",
    url: "/webhooks/stripe",
    headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
    payload: JSON.stringify({ padding: "x".repeat(bytes) }),
  });
}

describe("POST /webhooks/stripe body limit", () => {
  it("reads events larger than the API's 16 KB (they fail on the signature, not the size)", async () => {
    const answer = await deliver(64 * 1024);
    assert.equal(answer.statusCode, 400);
  });

  it("answers 413 past its own limit and quotes that limit, not the API's", async () => {
    const answer = await deliver(WEBHOOK_BODY_LIMIT_BYTES + 1);
    assert.equal(answer.statusCode, 413);
    assert.deepEqual(answer.json(), {
      error: "body_too_large",
      message: `The request body is too large; the limit is ${WEBHOOK_BODY_LIMIT_BYTES} bytes.`,
    });
  });
});
