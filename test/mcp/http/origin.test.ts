import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseAllowedOrigins } from "../../../src/mcp/http/config.ts";
import { checkOrigin, hostName, LOOPBACK_HOSTS } from "../../../src/mcp/http/origin.ts";

const policy = { allowedOrigins: ["https://bar.example"], allowedHosts: [...LOOPBACK_HOSTS] };

describe("MCP Origin and Host checks", () => {
  it("lets non-browser clients (no Origin) through on a loopback Host", () => {
    assert.deepEqual(checkOrigin({ host: "127.0.0.1:3001" }, policy), { ok: true });
    assert.deepEqual(checkOrigin({ host: "[::1]:3001" }, policy), { ok: true });
  });

  it("accepts an allowed Origin, in any spelling of the same origin", () => {
    assert.equal(
      checkOrigin({ host: "localhost", origin: "HTTPS://Bar.Example:443" }, policy).ok,
      true,
    );
  });

  it("refuses a rebinding page: foreign Origin, or a foreign Host name", () => {
    assert.equal(
      checkOrigin({ host: "localhost:3001", origin: "http://evil.example" }, policy).ok,
      false,
    );
    assert.equal(checkOrigin({ host: "evil.example:3001" }, policy).ok, false);
    assert.equal(checkOrigin({ host: "localhost", origin: "null" }, policy).ok, false);
    assert.equal(checkOrigin({}, policy).ok, false);
  });

  it("skips the Host check when no host list is configured", () => {
    assert.equal(checkOrigin({ host: "maya.example" }, { allowedOrigins: [] }).ok, true);
  });

  it("strips ports from Host names", () => {
    assert.equal(hostName("LocalHost:80"), "localhost");
    assert.equal(hostName("[::1]:8080"), "[::1]");
  });

  it("parses the allowed-origins setting and names the variable on a bad entry", () => {
    assert.deepEqual(parseAllowedOrigins(" https://a.example/ , http://b.example:8080 "), [
      "https://a.example",
      "http://b.example:8080",
    ]);
    assert.throws(() => parseAllowedOrigins("ftp://x"), /MAYA_MCP_ALLOWED_ORIGINS/);
  });
});
