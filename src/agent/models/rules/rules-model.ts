import { randomUUID } from "node:crypto";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { readDialogue } from "./dialogue.ts";
import { plan } from "./planner.ts";

/**
 * Maya's embedded offline model: a deterministic planner behind the AI SDK's
 * language-model interface. It answers with tool calls and text exactly like
 * a hosted model, so the agent's loop, tools and guards run unchanged.
 */

const NO_USAGE: LanguageModelV4Usage = {
  inputTokens: {
    total: undefined,
    noCache: undefined,
    cacheRead: undefined,
    cacheWrite: undefined,
  },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

function generate(options: LanguageModelV4CallOptions): LanguageModelV4GenerateResult {
  options.abortSignal?.throwIfAborted();
  const available = new Set(
    (options.tools ?? []).filter((t) => t.type === "function").map((t) => t.name),
  );
  const step = plan(readDialogue(options.prompt));
  if (step.kind === "tools") {
    const calls = step.calls.filter((c) => available.has(c.toolName));
    if (calls.length > 0 && options.toolChoice?.type !== "none") {
      const content: LanguageModelV4Content[] = calls.map((call) => ({
        type: "tool-call",
        toolCallId: `rules_${randomUUID()}`,
        toolName: call.toolName,
        input: JSON.stringify(call.input),
      }));
      return {
        content,
        finishReason: { unified: "tool-calls", raw: "tool-calls" },
        usage: NO_USAGE,
        warnings: [],
      };
    }
    return {
      content: [{ type: "text", text: "[STATE: flustered] I can't do that from here, sorry." }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: NO_USAGE,
      warnings: [],
    };
  }
  return {
    content: [{ type: "text", text: step.text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: NO_USAGE,
    warnings: [],
  };
}

function toStream(
  result: LanguageModelV4GenerateResult,
): ReadableStream<LanguageModelV4StreamPart> {
  const parts: LanguageModelV4StreamPart[] = [{ type: "stream-start", warnings: [] }];
  for (const [index, item] of result.content.entries()) {
    if (item.type === "text") {
      const id = `text_${index}`;
      parts.push({ type: "text-start", id });
      // Word-sized deltas, like a hosted model streams.
      for (const piece of item.text.match(/\S+\s*|\s+/g) ?? [])
        parts.push({ type: "text-delta", id, delta: piece });
      parts.push({ type: "text-end", id });
    } else if (item.type === "tool-call") {
      parts.push(item);
    }
  }
  parts.push({ type: "finish", usage: result.usage, finishReason: result.finishReason });
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

export function createRulesModel(): LanguageModelV4 {
  return {
    specificationVersion: "v4",
    provider: "maya",
    modelId: "rules",
    supportedUrls: {},
    async doGenerate(options) {
      return generate(options);
    },
    async doStream(options): Promise<LanguageModelV4StreamResult> {
      return { stream: toStream(generate(options)) };
    },
  };
}
