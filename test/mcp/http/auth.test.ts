import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { bearerToken, matchToken, parseMcpTokens } from "../../../src/mcp/http/auth.ts";

describe("MCP bearer tokens", () => {
  it("parses comma-separated tokens, ignoring blanks and spaces", () => {
    const a = "a".repeat(16);
    const b = "b".repeat(32);
    assert.deepEqual(parseMcpTokens(` ${a} ,, ${b},`), [a, b]);
    assert.deepEqual(parseMcpTokens(undefined), []);
  });

  it("refuses short tokens without printing them", () => {
    assert.throws(
      () => parseMcpTokens("shorty123,".concat("x".repeat(20))),
      (error: Error) => /MAYA_MCP_TOKENS/.test(error.message) && !error.message.includes("shorty"),
    );
  });

  it("reads only well-formed Bearer headers", () => {
    assert.equal(bearerToken("Bearer abc.def"), "abc.def");
    assert.equal(bearerToken("bearer   abc"), "abc");
    assert.equal(bearerToken("Basic abc"), undefined);
    assert.equal(bearerToken("Bearer"), undefined);
    assert.equal(bearerToken("Bearer a b"), undefined);
    assert.equal(bearerToken(undefined), undefined);
  });

  it("matches a token exactly and nothing else", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        fc.string({ maxLength: 40 }),
        (tokens, other) => {
          for (const [index, token] of tokens.entries()) {
            assert.equal(matchToken(token, tokens), index);
          }
          assert.equal(matchToken(other, tokens), tokens.indexOf(other));
        },
      ),
    );
  });
});
