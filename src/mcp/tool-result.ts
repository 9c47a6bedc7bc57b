import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

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
