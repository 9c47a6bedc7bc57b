import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { createLogger, parseEnv, safeEqual, scrubSecrets } from "../../src/config/index.ts";

describe("safeEqual", () => {
  it("accepts only the identical secret", () => {
    assert.equal(safeEqual("s3cret-token", "s3cret-token"), true);
    assert.equal(safeEqual("s3cret-tokem", "s3cret-token"), false);
    assert.equal(safeEqual("s3cret", "s3cret-token"), false);
    assert.equal(safeEqual("", "x"), false);
  });
});

describe("logger redaction", () => {
  it("never writes secrets by key name or by shape", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ destination: sink });
    log.info(
      {
        apiKey: "abc123",
        nested: { authorization: "Bearer xyz" },
        note: "key sk_test_ABCDEFGH12345678",
      },
      "hello",
    );
    const out = lines.join("");
    assert.doesNotMatch(out, /abc123|Bearer xyz|sk_test_ABCDEFGH12345678/);
    assert.match(out, /\[REDACTED\]/);
  });

  it("scrubs secret-shaped values in free text", () => {
    assert.equal(scrubSecrets("use whsec_abcdefgh1234 now"), "use [REDACTED] now");
  });
});

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    assert.equal(env.PORT, 8080);
    assert.equal(env.HOST, "127.0.0.1");
    assert.equal(env.MAYA_STORE, "sqlite:./data/maya.db");
    assert.equal(env.MAYA_MODEL, "rules");
  });

  it("names the variable of a bad value", () => {
    assert.throws(() => parseEnv({ PORT: "eighty" }), /PORT/);
    assert.throws(() => parseEnv({ MAYA_PAYMENTS: "paypal" }), /MAYA_PAYMENTS/);
  });
});
