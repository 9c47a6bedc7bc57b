import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { APICallError, LoadAPIKeyError } from "@ai-sdk/provider";
import { RetryError } from "ai";
import {
  classifyProviderError,
  createModelFromSpec,
  ModelConfigError,
  originLockedFetch,
} from "../../src/agent/index.ts";

describe("provider registry", () => {
  it("defaults to the offline rules model", () => {
    const choice = createModelFromSpec("rules");
    assert.equal(choice.provider, "rules");
    assert.equal(choice.origin, null);
    assert.equal(choice.model.specificationVersion, "v4");
  });

  it("builds hosted providers with their key and origin", () => {
    const google = createModelFromSpec("google:gemini-2.5-flash", {
      GOOGLE_GENERATIVE_AI_API_KEY: "k",
    });
    assert.equal(google.origin, "https://generativelanguage.googleapis.com");
    assert.equal(google.modelId, "gemini-2.5-flash");
    assert.equal(
      createModelFromSpec("openai:gpt-4o-mini", { OPENAI_API_KEY: "k" }).origin,
      "https://api.openai.com",
    );
    assert.equal(
      createModelFromSpec("anthropic:claude-haiku-4-5", { ANTHROPIC_API_KEY: "k" }).origin,
      "https://api.anthropic.com",
    );
  });

  it("names the missing key variable", () => {
    assert.throws(() => createModelFromSpec("openai:gpt-4o-mini", {}), /OPENAI_API_KEY/);
    assert.throws(() => createModelFromSpec("google:gemini", {}), /GOOGLE_GENERATIVE_AI_API_KEY/);
    assert.throws(() => createModelFromSpec("anthropic:claude", {}), /ANTHROPIC_API_KEY/);
  });

  it("parses openai-compatible base URLs and models (no key needed)", () => {
    const local = createModelFromSpec("openai-compatible:http://127.0.0.1:11434/v1#llama3.2");
    assert.equal(local.origin, "http://127.0.0.1:11434");
    assert.equal(local.modelId, "llama3.2");
    assert.throws(() => createModelFromSpec("openai-compatible:llama3.2"), ModelConfigError);
    assert.throws(() => createModelFromSpec("openai-compatible:ftp://x#m"), ModelConfigError);
  });

  it("rejects unknown or malformed specs clearly", () => {
    assert.throws(() => createModelFromSpec("gpt-4"), /not understood/);
    assert.throws(() => createModelFromSpec("mistral:large", {}), /unknown provider "mistral"/);
  });

  it("never lets a model call another origin than the configured one", async () => {
    const seen: string[] = [];
    const base = (async (input: Parameters<typeof fetch>[0]) => {
      seen.push(String(input));
      return new Response("{}");
    }) as typeof fetch;
    const locked = originLockedFetch("http://127.0.0.1:11434", base);
    await locked("http://127.0.0.1:11434/v1/chat/completions");
    await assert.rejects(locked("https://attacker.example/v1/chat/completions"), /Refusing/);
    assert.deepEqual(seen, ["http://127.0.0.1:11434/v1/chat/completions"]);
  });

  it("sends an openai-compatible chat through the locked fetch to the named server only", async () => {
    const seen: string[] = [];
    const base = (async (input: Parameters<typeof fetch>[0]) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return new Response(JSON.stringify({ error: { message: "nope" } }), { status: 401 });
    }) as typeof fetch;
    const { model } = createModelFromSpec("openai-compatible:http://127.0.0.1:9/v1#m", {}, base);
    await assert.rejects(
      Promise.resolve(
        model.doGenerate({ prompt: [{ role: "user", content: [{ type: "text", text: "hi" }] }] }),
      ),
    );
    assert.ok(seen.length > 0 && seen.every((url) => url.startsWith("http://127.0.0.1:9/")));
  });
});

describe("provider error classes", () => {
  const apiError = (statusCode: number) =>
    new APICallError({ message: "x", url: "https://a", requestBodyValues: {}, statusCode });

  it("classifies status codes, missing keys, timeouts and wrapped retries", () => {
    assert.equal(classifyProviderError(apiError(429)), "rate_limit");
    assert.equal(classifyProviderError(apiError(401)), "auth");
    assert.equal(classifyProviderError(apiError(403)), "auth");
    assert.equal(classifyProviderError(apiError(504)), "timeout");
    assert.equal(classifyProviderError(apiError(500)), "other");
    assert.equal(classifyProviderError(new LoadAPIKeyError({ message: "no key" })), "auth");
    assert.equal(
      classifyProviderError(new DOMException("The operation timed out.", "TimeoutError")),
      "timeout",
    );
    const retry = new RetryError({
      message: "gave up",
      reason: "maxRetriesExceeded",
      errors: [apiError(429)],
    });
    assert.equal(classifyProviderError(retry), "rate_limit");
    assert.equal(classifyProviderError(new Error("x", { cause: apiError(401) })), "auth");
    assert.equal(classifyProviderError("weird"), "other");
  });
});
