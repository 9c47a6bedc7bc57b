import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogle } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createRulesModel } from "./rules/rules-model.ts";

/**
 * Chooses Maya's model from `MAYA_MODEL`: `rules` (offline default),
 * `google:<model>`, `openai:<model>`, `anthropic:<model>`, or
 * `openai-compatible:<baseURL>#<model>` (Ollama, llama.cpp, vLLM).
 * Keys come in from config; a missing key names its variable. Every provider
 * gets a fetch that refuses any origin other than the one configured.
 */

export interface ModelKeys {
  GOOGLE_GENERATIVE_AI_API_KEY?: string | undefined;
  OPENAI_API_KEY?: string | undefined;
  ANTHROPIC_API_KEY?: string | undefined;
  OPENAI_COMPATIBLE_API_KEY?: string | undefined;
}

export class ModelConfigError extends Error {
  override name = "ModelConfigError";
}

export interface ModelChoice {
  model: LanguageModelV4;
  /** "rules", "google", "openai", "anthropic" or "openai-compatible". */
  provider: string;
  modelId: string;
  /** The only origin this model may call; null for the offline rules model. */
  origin: string | null;
}

const DEFAULT_ORIGINS = {
  google: "https://generativelanguage.googleapis.com",
  openai: "https://api.openai.com",
  anthropic: "https://api.anthropic.com",
} as const;

/** A fetch that only talks to one origin; anything else is a bug or an attack, never a request. */
export function originLockedFetch(origin: string, base: typeof fetch = fetch): typeof fetch {
  const allowed = new URL(origin).origin;
  return ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url =
      typeof input === "string" || input instanceof URL ? new URL(input) : new URL(input.url);
    if (url.origin !== allowed) {
      return Promise.reject(
        new Error(`Refusing a model request to ${url.origin}; only ${allowed} is configured.`),
      );
    }
    return base(input, init);
  }) as typeof fetch;
}

function requireKey(keys: ModelKeys, name: keyof ModelKeys, spec: string): string {
  const key = keys[name];
  if (!key) throw new ModelConfigError(`MAYA_MODEL=${spec} needs ${name} to be set.`);
  return key;
}

function splitSpec(spec: string): { provider: string; rest: string } {
  const colon = spec.indexOf(":");
  if (colon < 0) return { provider: spec, rest: "" };
  return { provider: spec.slice(0, colon), rest: spec.slice(colon + 1) };
}

export function createModelFromSpec(
  spec: string,
  keys: ModelKeys = {},
  baseFetch: typeof fetch = fetch,
): ModelChoice {
  const trimmed = spec.trim();
  const { provider, rest } = splitSpec(trimmed);
  if (provider === "rules" && rest === "") {
    return { model: createRulesModel(), provider: "rules", modelId: "rules", origin: null };
  }
  if (provider === "openai-compatible") {
    const hash = rest.lastIndexOf("#");
    const baseURL = hash > 0 ? rest.slice(0, hash) : "";
    const modelId = hash > 0 ? rest.slice(hash + 1) : "";
    let url: URL;
    try {
      url = new URL(baseURL);
    } catch {
      throw new ModelConfigError(
        `MAYA_MODEL=${trimmed}: expected openai-compatible:<baseURL>#<model>, e.g. openai-compatible:http://127.0.0.1:11434/v1#llama3.2`,
      );
    }
    if (!/^https?:$/.test(url.protocol) || modelId === "") {
      throw new ModelConfigError(
        `MAYA_MODEL=${trimmed}: expected openai-compatible:<http(s) baseURL>#<model>.`,
      );
    }
    const factory = createOpenAICompatible({
      name: "openai-compatible",
      baseURL: url.href.replace(/\/$/, ""),
      apiKey: keys.OPENAI_COMPATIBLE_API_KEY,
      fetch: originLockedFetch(url.origin, baseFetch),
    });
    return { model: factory.chatModel(modelId), provider, modelId, origin: url.origin };
  }
  if (rest === "") {
    throw new ModelConfigError(
      `MAYA_MODEL=${trimmed} is not understood. Use rules, google:<model>, openai:<model>, anthropic:<model> or openai-compatible:<baseURL>#<model>.`,
    );
  }
  switch (provider) {
    case "google": {
      const apiKey = requireKey(keys, "GOOGLE_GENERATIVE_AI_API_KEY", trimmed);
      const origin = DEFAULT_ORIGINS.google;
      return {
        model: createGoogle({ apiKey, fetch: originLockedFetch(origin, baseFetch) })(rest),
        provider,
        modelId: rest,
        origin,
      };
    }
    case "openai": {
      const apiKey = requireKey(keys, "OPENAI_API_KEY", trimmed);
      const origin = DEFAULT_ORIGINS.openai;
      return {
        model: createOpenAI({ apiKey, fetch: originLockedFetch(origin, baseFetch) })(rest),
        provider,
        modelId: rest,
        origin,
      };
    }
    case "anthropic": {
      const apiKey = requireKey(keys, "ANTHROPIC_API_KEY", trimmed);
      const origin = DEFAULT_ORIGINS.anthropic;
      return {
        model: createAnthropic({ apiKey, fetch: originLockedFetch(origin, baseFetch) })(rest),
        provider,
        modelId: rest,
        origin,
      };
    }
    default:
      throw new ModelConfigError(
        `MAYA_MODEL=${trimmed}: unknown provider "${provider}". Use rules, google, openai, anthropic or openai-compatible.`,
      );
  }
}
