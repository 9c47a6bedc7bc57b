import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { McpDeps } from "./deps.ts";
import { registerGuardTools } from "./guard-tools.ts";

export const SERVER_INFO = {
  name: "maya",
  title: "Maya, the bartender",
  version: "0.1.0",
} as const;

const INSTRUCTIONS =
  "Maya is the bartender at the MOK 5-ha bar. Use get_menu to see drinks and prices, add_to_order to order, show_tab for the tab and balance, set_tip for a tip, and create_payment only after your user confirmed the amount. Money is in integer cents. scan_input and scan_output run Maya's security guard on any text.";

/**
 * One MCP server for one MCP session. `mayaSessionId` is that session's own
 * Maya session (own tab and balance); the bar tools act on it and nothing else.
 */
export function createMayaMcpServer(deps: McpDeps, mayaSessionId: string): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS });
  registerGuardTools(server, deps.guard, deps.logger);
  deps.bar?.register(server, mayaSessionId);
  return server;
}
