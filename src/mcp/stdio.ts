import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { McpDeps } from "./deps.ts";
import { createMayaMcpServer } from "./server.ts";
import { newMcpMayaSessionId } from "./session-id.ts";

export interface McpStdioSession {
  readonly mayaSessionId: string;
  /** Resolves when the client hangs up (stdin closes) or `close` is called. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves MCP on this process's stdin/stdout: one client, one Maya session.
 * Nothing else may write to stdout meanwhile (logs go to stderr).
 */
export async function serveMcpStdio(
  deps: McpDeps,
  streams: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream } = {},
): Promise<McpStdioSession> {
  const stdin = streams.stdin ?? process.stdin;
  const mayaSessionId = newMcpMayaSessionId();
  const server = createMayaMcpServer(deps, mayaSessionId);
  const transport = new StdioServerTransport(
    stdin as typeof process.stdin,
    (streams.stdout ?? process.stdout) as typeof process.stdout,
  );
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    stdin.once("end", resolve);
    stdin.once("close", resolve);
  });
  await server.connect(transport);
  deps.logger.info(
    { event: "mcp_session_opened", mayaSessionId, transport: "stdio" },
    "MCP on stdio",
  );
  return {
    mayaSessionId,
    closed,
    close: () => server.close(),
  };
}
