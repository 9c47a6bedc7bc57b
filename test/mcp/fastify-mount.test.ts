import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import Fastify, { type FastifyInstance } from "fastify";
import type { Runtime } from "../../src/commands/runtime.ts";
import { createMcpDeps, createMcpHttpHandler, type McpHttpHandler } from "../../src/mcp/index.ts";
import { createRateLimits, DEFAULT_SETTINGS, type RateLimits } from "../../src/server/index.ts";
import { call, connectHttp, stateOf, TOKEN, testRuntime } from "./harness.ts";

/** The way the web server mounts MCP: a Fastify route at /mcp with the raw req/res. */
describe("MCP handler mounted in Fastify at /mcp", () => {
  let app: FastifyInstance;
  let runtime: Runtime;
  let mcp: McpHttpHandler;
  let limits: RateLimits;
  let url: URL;

  before(async () => {
    runtime = await testRuntime();
    limits = await createRateLimits(DEFAULT_SETTINGS);
    mcp = createMcpHttpHandler(createMcpDeps(runtime), { tokens: [TOKEN], rateLimiter: limits });
    app = Fastify();
    app.route({
      method: ["GET", "POST", "DELETE"],
      url: "/mcp",
      handler: async (request, reply) => {
        reply.hijack();
        await mcp.handle(request.raw, reply.raw, {
          parsedBody: request.body,
          clientAddress: request.ip,
        });
      },
    });
    app.addHook("onClose", () => mcp.close());
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    url = new URL("/mcp", address);
  });

  after(async () => {
    await app.close();
    await limits.close();
    await runtime.close();
  });

  it("serves tools to a token holder and refuses anyone else", async () => {
    const client = await connectHttp(url);
    try {
      const result = await call(client, "add_to_order", { item: "Martini", quantity: 2 });
      assert.equal(stateOf(result).tabCents, 2600);
      assert.equal(mcp.sessionCount, 1);
    } finally {
      await (client.transport as StreamableHTTPClientTransport).terminateSession();
      await client.close();
    }
    assert.equal(mcp.sessionCount, 0, "DELETE ends the MCP session");
    await assert.rejects(connectHttp(url, ""), /401|bearer token/i);
  });
});
