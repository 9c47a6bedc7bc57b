/**
 * Maya over the Model Context Protocol: her bar tools and her guard for MCP
 * clients, over stdio (`maya mcp`) and Streamable HTTP (`maya mcp --http`, or
 * mounted at `/mcp` by the web server through `createMcpHttpHandler`):
 *
 *   const mcp = createMcpHttpHandler(createMcpDeps(runtime), {
 *     ...mcpHttpOptionsFromEnv(runtime.config),
 *     rateLimiter: rateLimits, // the web server's createRateLimits (memory, or Redis-shared)
 *     onEvent: (event, detail) => countIt(event, detail),
 *   });
 *   app.route({ method: ["GET", "POST", "DELETE"], url: "/mcp", handler: async (request, reply) => {
 *     reply.hijack(); // the handler writes the raw response (JSON or an SSE stream)
 *     await mcp.handle(request.raw, reply.raw, { parsedBody: request.body, clientAddress: request.ip });
 *   } });
 *   app.addHook("onClose", () => mcp.close());
 */

export { BAR_TOOL_TEXT, type BarToolText } from "./bar-descriptions.ts";
export { type BarToolName, barOutputSchemas, barStateSchema } from "./bar-schemas.ts";
export { type AgentTool, type BarToolsAdapterDeps, createMcpBarTools } from "./bar-tools.ts";
export { createMcpDeps, type McpRuntimeParts } from "./compose.ts";
export type { McpBarTools, McpDeps, McpGuard, McpScanResult } from "./deps.ts";
export { toScanView } from "./guard-tools.ts";
export { McpTokenError, MIN_TOKEN_CHARS, parseMcpTokens } from "./http/auth.ts";
export { isLoopbackHost, mcpHttpOptionsFromEnv, parseAllowedOrigins } from "./http/config.ts";
export {
  createMcpHttpHandler,
  type McpHandleOptions,
  type McpHttpEvent,
  type McpHttpHandler,
  type McpHttpOptions,
} from "./http/handler.ts";
export { listenMcpHttp, type McpHttpServer, type McpListenOptions } from "./http/listen.ts";
export { LOOPBACK_HOSTS, type OriginPolicy } from "./http/origin.ts";
export type { McpLimitDecision, McpLimitName, McpRateLimiter } from "./http/rate-limit.ts";
export { type ScanResultView, scanResultSchema } from "./scan-schemas.ts";
export { createMayaMcpServer, SERVER_INFO } from "./server.ts";
export { type McpStdioSession, serveMcpStdio } from "./stdio.ts";
