import { randomBytes } from "node:crypto";

/**
 * A fresh Maya session id for one MCP session: 128 random bits, prefixed so
 * logs show where the session came from. Never derived from anything the
 * client sends, so one client cannot name (and reach) another's tab.
 */
export function newMcpMayaSessionId(): string {
  return `mcp_${randomBytes(16).toString("hex")}`;
}
