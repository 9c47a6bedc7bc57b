import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from "@ai-sdk/provider";
import { isPhase, type Phase } from "../../phases.ts";

/**
 * Reads what the rules model needs from an AI SDK prompt: the guest's latest
 * message, the tool calls and results of this turn so far, and a little of
 * the conversation before it. A real model reads the same prompt.
 */

export interface CallRecord {
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
}

export interface ResultRecord {
  toolCallId: string;
  toolName: string;
  /** The JSON the tool returned, or null when the call failed (bad input, exception). */
  value: Record<string, unknown> | null;
  /** The error text of a failed call. */
  error: string | null;
}

export interface Dialogue {
  phase: Phase;
  userText: string;
  /** This turn's tool calls and results, in order. */
  calls: CallRecord[];
  results: ResultRecord[];
  /** Maya's previous reply (text only), if any. */
  lastReply: string;
  /** The guest's message before this one, if any. */
  previousUserText: string;
  /** The drinks of the most recent earlier turn that ordered anything (from the system prompt). */
  lastRound: Array<{ item: string; quantity: number; modifiers: string[] }>;
}

/** The line in the system prompt that carries the last drinks ordered. */
export const LAST_ROUND_LINE = /^Last round \(JSON\): (.*)$/m;

function parseLastRound(json: string | undefined): Dialogue["lastRound"] {
  if (!json) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .map((entry) => asObject(entry))
    .map((line) => ({
      item: String(line.item ?? ""),
      quantity: Number(line.quantity ?? 1),
      modifiers: Array.isArray(line.modifiers) ? line.modifiers.map(String) : [],
    }))
    .filter((line) => line.item !== "" && Number.isInteger(line.quantity))
    .slice(0, 8);
}

/** The line in the system prompt that carries the conversation phase. */
export const PHASE_LINE = /^Current phase: ([a-z_]+)/m;

function readOutput(output: LanguageModelV4ToolResultOutput): {
  value: Record<string, unknown> | null;
  error: string | null;
} {
  if (
    output.type === "json" &&
    output.value !== null &&
    typeof output.value === "object" &&
    !Array.isArray(output.value)
  ) {
    return { value: output.value as Record<string, unknown>, error: null };
  }
  if (output.type === "error-text" || output.type === "text")
    return { value: null, error: output.value };
  if (output.type === "error-json") return { value: null, error: JSON.stringify(output.value) };
  return { value: null, error: output.type };
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part): part is { type: "text"; text: string } => part?.type === "text")
    .map((part) => part.text)
    .join("");
}

export function readDialogue(prompt: LanguageModelV4Prompt): Dialogue {
  const system = prompt
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n");
  const phaseName = PHASE_LINE.exec(system)?.[1];
  const phase = isPhase(phaseName) ? phaseName : "order_taking";

  let lastUser = -1;
  for (let i = prompt.length - 1; i >= 0; i--) {
    if (prompt[i]!.role === "user") {
      lastUser = i;
      break;
    }
  }
  const userText = lastUser >= 0 ? textOf(prompt[lastUser]!.content) : "";

  const turnCalls: CallRecord[] = [];
  const turnResults: ResultRecord[] = [];
  collect(prompt.slice(lastUser + 1), turnCalls, turnResults);

  let previousUserText = "";
  for (let i = lastUser - 1; i >= 0; i--) {
    if (prompt[i]!.role === "user") {
      previousUserText = textOf(prompt[i]!.content);
      break;
    }
  }
  let lastReply = "";
  for (let i = lastUser - 1; i >= 0; i--) {
    const message = prompt[i]!;
    if (message.role === "user") break;
    if (message.role === "assistant") {
      const text = textOf(message.content);
      if (text) {
        lastReply = text;
        break;
      }
    }
  }

  const lastRound = parseLastRound(LAST_ROUND_LINE.exec(system)?.[1]);

  return {
    phase,
    userText,
    calls: turnCalls,
    results: turnResults,
    lastReply,
    previousUserText,
    lastRound,
  };
}

function collect(
  messages: LanguageModelV4Prompt,
  calls: CallRecord[],
  results: ResultRecord[],
): void {
  for (const message of messages) {
    if (message.role === "assistant") {
      for (const part of message.content) {
        if (part.type === "tool-call") {
          calls.push({
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: asObject(part.input),
          });
        }
      }
    } else if (message.role === "tool") {
      for (const part of message.content) {
        if (part.type === "tool-result") {
          results.push({
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            ...readOutput(part.output),
          });
        }
      }
    }
  }
}
