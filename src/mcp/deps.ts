import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Logger } from "../config/index.ts";

/**
 * What the MCP server needs from the rest of Maya, as narrow structural types,
 * so it can be built from the CLI runtime, from the web server's runtime, or
 * from a test without either.
 */

/** The guard's ScanResult as far as the MCP server reads it. */
export interface McpScanResult {
  isValid: boolean;
  sanitizedText: string;
  blockedReason?: string | null;
  blockedBy?: string | null;
  scannerScores: Readonly<Record<string, number>>;
  errors?: readonly unknown[];
  ms?: number;
}

/** The guard's two scans (a configured guard instance or the library functions). */
export interface McpGuard {
  scanInput(text: string): McpScanResult | Promise<McpScanResult>;
  scanOutput(text: string, prompt?: string): McpScanResult | Promise<McpScanResult>;
}

/** Registers the bar's tools on one MCP server, bound to one Maya session. */
export interface McpBarTools {
  register(server: McpServer, mayaSessionId: string): void;
}

export interface McpDeps {
  guard: McpGuard;
  /** Absent: only the guard's tools are offered. */
  bar?: McpBarTools | undefined;
  logger: Logger;
}
