import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../config/index.ts";

/** A successful tool call: a short text for the model plus the structured result. */
export function toolSuccess(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

/**
 * A refused or failed tool call, reported to the client as a tool error (not a
 * protocol error) so an assistant can read the sentence and tell its user.
 */
export function toolError(message: string, code: string): CallToolResult {
  return {
    content: [{ type: "text", text: message }],
    isError: true,
    _meta: { code },
  };
}

/** Longest a tool call may take before the client gets an answer anyway. */
export const TOOL_DEADLINE_MS = 30_000;

/**
 * Runs a tool body with a deadline. An exception is a bug or a broken
 * dependency: it is logged and the client gets a generic sentence, never the
 * error's text. A call past the deadline may still finish on its own, so the
 * answer says to look before retrying.
 */
export async function safeToolCall(
  logger: Logger,
  tool: string,
  body: () => Promise<CallToolResult>,
  deadlineMs = TOOL_DEADLINE_MS,
): Promise<CallToolResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CallToolResult>((resolve) => {
    timer = setTimeout(() => {
      logger.warn(
        { event: "mcp_tool_timeout", tool, deadlineMs },
        "MCP tool call past its deadline",
      );
      resolve(
        toolError(
          "The bar took too long to answer. Check show_order before trying again.",
          "timeout",
        ),
      );
    }, deadlineMs);
  });
  try {
    return await Promise.race([body(), late]);
  } catch (error) {
    logger.error({ event: "mcp_tool_error", tool, err: error }, "MCP tool failed");
    return toolError(
      "The bar's system is having trouble right now. Please try again in a moment.",
      "tool_failed",
    );
  } finally {
    clearTimeout(timer);
  }
}
