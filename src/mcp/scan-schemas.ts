import { z } from "zod";

/**
 * The wire shape of a guard scan as MCP clients see it: the guard's ScanResult,
 * copied field by field so the published schema stays stable whatever else
 * the guard may add to its result.
 */
export const scanResultSchema = z.object({
  isValid: z.boolean().describe("true when the text may pass"),
  sanitizedText: z
    .string()
    .describe("the text after redaction (secrets, PII); for a blocked output, the safe fallback"),
  blockedReason: z.string().nullable().describe("a user-facing sentence when blocked, else null"),
  blockedBy: z.string().nullable().describe("name of the scanner that blocked, else null"),
  scannerScores: z.record(z.string(), z.number()).describe("score 0..1 per scanner that ran"),
  errors: z.array(z.string()).describe("one line per scanner that failed, `name: message`"),
  ms: z.number().describe("time the scan took, in milliseconds"),
});

export type ScanResultView = z.infer<typeof scanResultSchema>;

/** Longest text a scan tool accepts; bounds the work one call can cause. */
export const MAX_SCAN_CHARS = 20_000;

export const scanInputArgs = {
  text: z
    .string()
    .max(MAX_SCAN_CHARS)
    .describe("the text a person wrote, to scan before an LLM sees it"),
};

export const scanOutputArgs = {
  text: z
    .string()
    .max(MAX_SCAN_CHARS)
    .describe("the text an LLM produced, to scan before a person sees it"),
  prompt: z
    .string()
    .max(MAX_SCAN_CHARS)
    .optional()
    .describe("the message the text answers (context for relevance and leak checks)"),
};
