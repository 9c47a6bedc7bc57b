import {
  createMcpDeps,
  createMcpHttpHandler,
  type McpHttpEvent,
  mcpHttpOptionsFromEnv,
} from "../mcp/index.ts";
import type { McpEndpointFactory } from "../server/index.ts";
import type { Runtime } from "./runtime.ts";

/**
 * MCP over Streamable HTTP for `maya serve` to mount at `/mcp`, on the same
 * runtime (store, payments, guard) as the web page. Only when MCP tokens are
 * configured: without one every MCP request would be refused anyway, so the
 * route is not offered at all.
 */
export function mcpEndpointFor(runtime: Runtime): McpEndpointFactory | undefined {
  const { config } = runtime;
  const options = mcpHttpOptionsFromEnv(config, config.HOST);
  if (options.tokens.length === 0) return undefined;
  return (shared) =>
    createMcpHttpHandler(createMcpDeps(runtime), {
      ...options,
      rateLimiter: shared.rateLimiter,
      onEvent: (event: McpHttpEvent, detail) => shared.onEvent(event, detail),
    });
}
