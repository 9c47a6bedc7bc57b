import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { call, connectHttp, stateOf, TOKEN, textOf } from "../mcp/harness.ts";
import { Guest, startTestApp, type TestApp } from "./helpers/app.ts";

/** MCP over Streamable HTTP mounted at /mcp by the web server, driven by the real SDK client. */

const WITH_TOKENS = { MAYA_MCP_TOKENS: TOKEN };

describe("/mcp on the web server", () => {
  let test: TestApp;
  let url: URL;

  before(async () => {
    test = await startTestApp({ env: WITH_TOKENS, listen: true });
    url = new URL("/mcp", test.origin);
  });
  after(() => test.close());

  it("orders two Martinis for a token holder, in a session of its own", async () => {
    const guest = new Guest(test);
    await guest.chat("A Negroni, please");
    const client = await connectHttp(url);
    try {
      const result = await call(client, "add_to_order", { item: "Martini", quantity: 2 });
      assert.equal(result.isError, undefined);
      assert.equal(stateOf(result).tabCents, 2600);
      assert.deepEqual(
        stateOf(result).order.map((line) => [line.item, line.quantity]),
        [["Martini", 2]],
      );
    } finally {
      await (client.transport as StreamableHTTPClientTransport).terminateSession();
      await client.close();
    }
    const state = (await guest.get("/api/state")).json() as { tabCents: number };
    assert.equal(state.tabCents, 1100, "the web guest's tab is untouched by the MCP session");
  });

  it("refuses a missing or wrong token with 401", async () => {
    await assert.rejects(connectHttp(url, ""), /401|bearer token/i);
    await assert.rejects(connectHttp(url, "not-the-token-0123456789"), /401|bearer token/i);
  });

  it("takes a scan call larger than the API's 16 KB body limit", async () => {
    // Under scan_input's own 20,000-character cap, over the API's 16 KB body limit.
    const long = "I'd like something with gin and a little lime. ".repeat(400);
    assert.ok(long.length > 16 * 1024 && long.length < 20_000);
    const client = await connectHttp(url);
    try {
      const result = await call(client, "scan_input", { text: long });
      assert.equal(result.isError, undefined, textOf(result));
      const scan = result.structuredContent as { isValid: boolean };
      assert.equal(scan.isValid, true);
    } finally {
      await client.close();
    }
    const refused = await new Guest(test).post("/api/chat", { message: long });
    assert.equal(refused.statusCode, 413);
  });

  it("counts its events in /metrics", async () => {
    await assert.rejects(connectHttp(url, ""));
    const metrics = (await new Guest(test).get("/metrics")).body;
    assert.match(metrics, /maya_mcp_events_total\{event="mcp_session_opened"\} [1-9]/);
    assert.match(metrics, /maya_mcp_events_total\{event="mcp_auth_failed"\} [1-9]/);
  });

  it("needs no same-origin headers (the token is the credential) but refuses a foreign Origin", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${TOKEN}`,
        origin: "https://evil.example",
      },
      body: "{}",
    });
    assert.equal(response.status, 403);
  });
});

describe("/mcp mounting", () => {
  it("is not offered without MAYA_MCP_TOKENS", async () => {
    const test = await startTestApp();
    try {
      const response = await new Guest(test).post("/mcp", {});
      assert.equal(response.statusCode, 404);
    } finally {
      await test.close();
    }
  });

  it("shares the web API's per-address budget", async () => {
    const test = await startTestApp({
      env: WITH_TOKENS,
      listen: true,
      settings: { addressPerMinute: 3 },
    });
    try {
      const guest = new Guest(test);
      for (let i = 0; i < 3; i++) assert.equal((await guest.get("/api/state")).statusCode, 200);
      await assert.rejects(connectHttp(new URL("/mcp", test.origin)), /429|slow down/i);
    } finally {
      await test.close();
    }
  });

  it("is shed with the rest of the app while the event loop lags", async () => {
    const test = await startTestApp({
      env: WITH_TOKENS,
      settings: { maxEventLoopDelayMs: 200, eventLoopSampleMs: 250 },
    });
    try {
      const guest = new Guest(test);
      // Hog the event loop well past the limit, then let the sampler see it
      // (a few tries: a busy machine may sample at an unlucky moment).
      let shed = await guest.post("/mcp", {});
      for (let attempt = 0; attempt < 3 && shed.statusCode !== 503; attempt++) {
        const until = Date.now() + 800;
        while (Date.now() < until) {}
        await new Promise((resolve) => setTimeout(resolve, 20));
        shed = await guest.post("/mcp", {});
      }
      assert.equal(shed.statusCode, 503);
      assert.equal(shed.json().error, "overloaded");
    } finally {
      await test.close();
    }
  });

  it("closes open MCP sessions when the app shuts down", async () => {
    const test = await startTestApp({ env: WITH_TOKENS, listen: true });
    const client = await connectHttp(new URL("/mcp", test.origin));
    const ordered = await call(client, "add_to_order", { item: "Martini", quantity: 1 });
    assert.equal(stateOf(ordered).tabCents, 1300);
    // An open session (and its SSE stream) must not hold the drain.
    await test.close();
    await assert.rejects(call(client, "show_order"));
    await client.close();
  });
});
