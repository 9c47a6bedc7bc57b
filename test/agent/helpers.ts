import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
} from "@ai-sdk/provider";
import {
  type Agent,
  countingMetrics,
  createAgent,
  createCanary,
  createRulesModel,
} from "../../src/agent/index.ts";
import { type Logger, silentLogger } from "../../src/config/index.ts";
import { createGuard, type Guard, parseScanConfig } from "../../src/guard/index.ts";
import { createPaymentGateway, type PaymentGateway } from "../../src/payments/index.ts";
import { newSessionId, openStore, type SessionStore } from "../../src/state/index.ts";

export const NO_USAGE = {
  inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 1, text: 1, reasoning: undefined },
};

export function textResult(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: NO_USAGE,
    warnings: [],
  };
}

let callCounter = 0;
export function toolCallResult(
  calls: Array<{ toolName: string; input: Record<string, unknown> }>,
): LanguageModelV4GenerateResult {
  const content: LanguageModelV4Content[] = calls.map((call) => ({
    type: "tool-call",
    toolCallId: `call_${++callCounter}`,
    toolName: call.toolName,
    input: JSON.stringify(call.input),
  }));
  return {
    content,
    finishReason: { unified: "tool-calls", raw: "tool_calls" },
    usage: NO_USAGE,
    warnings: [],
  };
}

/** Wraps a model and records every tool call it makes, turn by turn. */
export function recordingModel(inner: LanguageModelV4): LanguageModelV4 & {
  calls: Array<{ toolName: string; input: Record<string, unknown> }>;
  prompts: LanguageModelV4CallOptions[];
} {
  const calls: Array<{ toolName: string; input: Record<string, unknown> }> = [];
  const prompts: LanguageModelV4CallOptions[] = [];
  return {
    specificationVersion: "v4",
    provider: inner.provider,
    modelId: inner.modelId,
    supportedUrls: {},
    calls,
    prompts,
    async doGenerate(options) {
      prompts.push(options);
      const result = await inner.doGenerate(options);
      for (const part of result.content) {
        if (part.type === "tool-call") {
          calls.push({ toolName: part.toolName, input: JSON.parse(part.input) });
        }
      }
      return result;
    },
    doStream: (options) => {
      prompts.push(options);
      return inner.doStream(options);
    },
  };
}

export interface Harness {
  agent: Agent;
  store: SessionStore;
  guard: Guard;
  payments: PaymentGateway;
  canary: string;
  metrics: ReturnType<typeof countingMetrics>;
  sessionId(): string;
  close(): Promise<void>;
}

export async function createHarness(
  options: {
    model?: LanguageModelV4;
    storeUrl?: string;
    payments?: PaymentGateway;
    maxSteps?: number;
    turnTimeoutMs?: number;
    guard?: Guard;
    logger?: Logger;
  } = {},
): Promise<Harness> {
  let dir: string | undefined;
  let url = options.storeUrl;
  if (url === undefined) {
    dir = mkdtempSync(join(tmpdir(), "maya-agent-"));
    url = `sqlite:${join(dir, "maya.db")}`;
  }
  const store = await openStore(url);
  const canary = createCanary();
  const metrics = countingMetrics();
  const guard =
    options.guard ??
    createGuard(parseScanConfig({ canary, allowedUrlHosts: ["127.0.0.1"], modelsEnabled: false }));
  const payments =
    options.payments ??
    createPaymentGateway({
      provider: "mock",
      fallback: "mock",
      probeTtlMs: 30_000,
      publicUrl: "http://127.0.0.1:8080",
    });
  const agent = createAgent({
    store,
    payments,
    guard,
    model: options.model ?? createRulesModel(),
    logger: options.logger ?? silentLogger(),
    onEvent: metrics,
    settings: {
      maxSteps: options.maxSteps ?? 6,
      turnTimeoutMs: options.turnTimeoutMs ?? 10_000,
      canary,
    },
  });
  return {
    agent,
    store,
    guard,
    payments,
    canary,
    metrics,
    sessionId: newSessionId,
    async close() {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
