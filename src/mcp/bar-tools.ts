import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Logger } from "../config/index.ts";
import { BAR_TOOL_TEXT } from "./bar-descriptions.ts";
import { type BarToolName, barOutputSchemas } from "./bar-schemas.ts";
import type { McpBarTools, McpGuard } from "./deps.ts";
import { safeToolCall, toolError, toolSuccess } from "./tool-result.ts";

/** One of the agent's tools as far as MCP uses it (an AI SDK `tool()`). */
export interface AgentTool {
  inputSchema: unknown;
  execute?: ((input: never, options: never) => unknown) | undefined;
}

export interface BarToolsAdapterDeps {
  /** The agent's bar toolset (`createBarTools`), keyed by tool name. */
  tools: Readonly<Record<string, AgentTool>>;
  guard: McpGuard;
  /** Runs `fn` as the Maya session, in its context and holding its lock (`inLockedSession`). */
  runInSession: <T>(sessionId: string, fn: () => Promise<T>) => Promise<T>;
  logger: Logger;
  /** Longest a bar tool call may take (default TOOL_DEADLINE_MS). */
  deadlineMs?: number;
}

/** Every string inside the arguments, with its path (for the log, never the text). */
function* textArguments(value: unknown, path = ""): Generator<{ path: string; text: string }> {
  if (typeof value === "string") {
    yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* textArguments(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      yield* textArguments(v, path ? `${path}.${key}` : key);
    }
  }
}

/** The same structure with every string replaced by `replace(path)`. */
function replaceTexts(value: unknown, path: string, replace: (path: string) => string): unknown {
  if (typeof value === "string") return replace(path);
  if (Array.isArray(value)) return value.map((v, i) => replaceTexts(v, `${path}[${i}]`, replace));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        replaceTexts(v, path ? `${path}.${key}` : key, replace),
      ]),
    );
  }
  return value;
}

/** The last value of a streaming tool, or the awaited value of a plain one. */
async function settle(result: unknown): Promise<unknown> {
  if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
    let last: unknown;
    for await (const value of result as AsyncIterable<unknown>) last = value;
    return last;
  }
  return result;
}

function failureText(result: Record<string, unknown>): string {
  const message = typeof result.message === "string" ? result.message : "That did not work.";
  const suggestions = Array.isArray(result.suggestions) ? result.suggestions : [];
  return suggestions.length > 0 ? `${message} Did you mean: ${suggestions.join(", ")}?` : message;
}

function summaryOf(structured: Record<string, unknown>): string {
  const state = structured.state as { totalCents?: number; balanceCents?: number } | undefined;
  if (state?.totalCents === undefined) return JSON.stringify(structured);
  return `${JSON.stringify(structured)}\nTotal ${state.totalCents} cents; balance ${state.balanceCents} cents.`;
}

/**
 * The bar's tools for MCP, on top of the agent's toolset: the agent's input
 * schemas (one source of truth for validation: quantity 1..20 and so on), our
 * own reviewed descriptions, structured outputs. Every string argument passes
 * the input scanner before it reaches the agent; a blocked one is a tool error
 * with the scanner's reason and reaches nothing. Each call runs inside the
 * MCP session's own Maya session.
 */
export function createMcpBarTools(deps: BarToolsAdapterDeps): McpBarTools {
  const { tools, guard, logger } = deps;
  const names = Object.keys(barOutputSchemas) as BarToolName[];
  for (const name of names) {
    const agentTool = tools[name];
    if (!agentTool?.execute || !(agentTool.inputSchema instanceof z.ZodType)) {
      throw new Error(`The agent's toolset has no usable '${name}' tool for MCP.`);
    }
  }

  async function call(
    name: BarToolName,
    mayaSessionId: string,
    args: unknown,
  ): Promise<CallToolResult> {
    const agentTool = tools[name]!;
    const texts = [...textArguments(args)];
    const sanitized = new Map<string, string>();
    for (const { path, text } of texts) {
      const scan = await guard.scanInput(text);
      if (!scan.isValid) {
        logger.warn(
          {
            event: "mcp_argument_blocked",
            tool: name,
            argument: path,
            blockedBy: scan.blockedBy ?? null,
          },
          "MCP tool argument blocked by the guard",
        );
        return toolError(scan.blockedReason ?? "That request was blocked.", "input_blocked");
      }
      sanitized.set(path, scan.sanitizedText);
    }
    const input = replaceTexts(args, "", (path) => sanitized.get(path) ?? "");
    const execute = agentTool.execute as (input: unknown, options: unknown) => unknown;
    const result = await deps.runInSession(mayaSessionId, () =>
      settle(execute(input, { toolCallId: `mcp-${name}`, messages: [], context: {} })),
    );
    if (result === null || typeof result !== "object") {
      logger.error({ event: "mcp_tool_bad_result", tool: name }, "agent tool returned no object");
      return toolError("The bar's system returned something unexpected.", "tool_failed");
    }
    const record = result as Record<string, unknown>;
    if (record.ok === false) {
      return toolError(
        failureText(record),
        typeof record.code === "string" ? record.code : "failed",
      );
    }
    const parsed = barOutputSchemas[name].safeParse(record);
    if (!parsed.success) {
      logger.error(
        { event: "mcp_tool_bad_result", tool: name },
        "agent tool result does not match the MCP schema",
      );
      return toolError("The bar's system returned something unexpected.", "tool_failed");
    }
    const structured = parsed.data as Record<string, unknown>;
    return toolSuccess(summaryOf(structured), structured);
  }

  return {
    register(server: McpServer, mayaSessionId: string) {
      for (const name of names) {
        const text = BAR_TOOL_TEXT[name];
        server.registerTool(
          name,
          {
            title: text.title,
            description: text.description,
            inputSchema: tools[name]!.inputSchema as z.ZodObject,
            outputSchema: barOutputSchemas[name],
            annotations: text.annotations,
          },
          (args: unknown) =>
            safeToolCall(logger, name, () => call(name, mayaSessionId, args), deps.deadlineMs),
        );
      }
    },
  };
}
