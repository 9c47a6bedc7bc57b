import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Logger } from "../config/index.ts";
import type { McpGuard, McpScanResult } from "./deps.ts";
import {
  type ScanResultView,
  scanInputArgs,
  scanOutputArgs,
  scanResultSchema,
} from "./scan-schemas.ts";
import { safeToolCall, toolSuccess } from "./tool-result.ts";

/** Names a failed scanner, whatever shape the guard reports it in. */
function errorName(error: unknown): string {
  if (typeof error === "string") return error;
  if (error !== null && typeof error === "object") {
    const record = error as Record<string, unknown>;
    for (const key of ["scanner", "name"]) {
      if (typeof record[key] === "string") return record[key];
    }
  }
  return "unknown";
}

export function toScanView(result: McpScanResult): ScanResultView {
  return {
    isValid: result.isValid,
    sanitizedText: result.sanitizedText,
    blockedReason: result.blockedReason ?? null,
    blockedBy: result.blockedBy ?? null,
    scannerScores: { ...result.scannerScores },
    errors: (result.errors ?? []).map(errorName),
    ms: result.ms ?? 0,
  };
}

function summary(view: ScanResultView): string {
  if (view.isValid) return "Allowed.";
  return `Blocked by ${view.blockedBy ?? "the guard"}: ${view.blockedReason ?? "no reason given"}`;
}

/**
 * `scan_input` and `scan_output`: Maya's guard for any MCP client. A blocked
 * text is a successful scan whose result says so (isValid false), not a tool
 * error: the caller asked for a verdict and gets one.
 */
export function registerGuardTools(server: McpServer, guard: McpGuard, logger: Logger): void {
  server.registerTool(
    "scan_input",
    {
      title: "Scan input",
      description:
        "Scans text written by a person before a language model sees it: prompt injection, toxicity, hidden characters, secrets and personal data. Returns whether it may pass, the sanitised text, the reason when blocked and a score per scanner.",
      inputSchema: scanInputArgs,
      outputSchema: scanResultSchema,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ text }) =>
      safeToolCall(logger, "scan_input", async () => {
        const view = toScanView(await guard.scanInput(text));
        return toolSuccess(summary(view), view);
      }),
  );

  server.registerTool(
    "scan_output",
    {
      title: "Scan output",
      description:
        "Scans text produced by a language model before a person sees it: toxicity, leaked secrets or system prompt, personal data and links outside the allow-list. Optionally takes the prompt it answers as context. A blocked result carries a safe replacement text.",
      inputSchema: scanOutputArgs,
      outputSchema: scanResultSchema,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ text, prompt }) =>
      safeToolCall(logger, "scan_output", async () => {
        const view = toScanView(await guard.scanOutput(text, prompt));
        return toolSuccess(summary(view), view);
      }),
  );
}
