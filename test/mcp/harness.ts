import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createRuntimeFromEnv, type Runtime } from "../../src/commands/runtime.ts";
import { silentLogger } from "../../src/config/index.ts";
import {
  createMcpDeps,
  createMcpHttpHandler,
  listenMcpHttp,
  type McpHttpOptions,
} from "../../src/mcp/index.ts";
import {
  createRateLimits,
  DEFAULT_SETTINGS,
  type RateLimitSettings,
} from "../../src/server/index.ts";

export const TOKEN = "test-token-0123456789abcdef";
export const OTHER_TOKEN = "other-token-0123456789abcdef";

/** Maya's runtime as `maya mcp` builds it, offline: rules model, memory store, mock payments. */
export function testRuntime(): Promise<Runtime> {
  return createRuntimeFromEnv(
    { MAYA_STORE: "memory:", LOG_LEVEL: "silent" },
    { logger: silentLogger() },
  );
}

/**
 * Maya's MCP server over Streamable HTTP, in this process, on a free port,
 * on the real runtime (guard, agent tools, memory store, mock payments), with
 * the web server's in-memory limits (`limits` changes their budgets).
 */
export async function startMayaMcp(
  options: Partial<McpHttpOptions> & { limits?: Partial<RateLimitSettings> } = {},
) {
  const { limits: budgets, ...handlerOptions } = options;
  const runtime = await testRuntime();
  const limits = await createRateLimits({ ...DEFAULT_SETTINGS, ...budgets });
  const { store } = runtime;
  const deps = createMcpDeps(runtime);
  /** Maya session ids in the order their MCP sessions opened. */
  const mayaSessions: string[] = [];
  const handler = createMcpHttpHandler(deps, {
    tokens: [TOKEN, OTHER_TOKEN],
    rateLimiter: limits,
    ...handlerOptions,
    onEvent: (event, detail) => {
      if (event === "mcp_session_opened") mayaSessions.push(String(detail.mayaSessionId));
      options.onEvent?.(event, detail);
    },
  });
  const server = await listenMcpHttp(handler, { port: 0 });
  return {
    url: server.url,
    runtime,
    store,
    handler,
    mayaSessions,
    async close() {
      await server.close();
      await limits.close();
      await runtime.close();
    },
  };
}

/** An SDK client over Streamable HTTP; an empty token sends no Authorization header. */
export async function connectHttp(url: URL, token = TOKEN): Promise<Client> {
  const client = new Client({ name: "maya-test", version: "1.0.0" });
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}

/** Calls a tool and returns the result typed as a plain tool result. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

export interface StateView {
  tabCents: number;
  balanceCents: number;
  totalCents: number;
  paymentStatus: string;
  order: Array<{ item: string; quantity: number }>;
}

export function stateOf(result: CallToolResult): StateView {
  const structured = result.structuredContent as { state?: StateView } | undefined;
  if (!structured?.state) throw new Error(`no state in result: ${textOf(result)}`);
  return structured.state;
}

/** A raw JSON-RPC initialize request, for checks below the SDK client. */
export function initializeBody(): string {
  return JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: "2025-06-18",
      capabilities: {},
      clientInfo: { name: "raw", version: "1" },
    },
  });
}

export const MCP_HEADERS = {
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
};
