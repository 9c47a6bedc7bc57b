import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { LanguageModelV4, LanguageModelV4CallOptions } from "@ai-sdk/provider";
import { Guest, startTestApp } from "./helpers/app.ts";

/** A model that never answers: it waits until its call is aborted, and notes that it was. */
function stuckModel(inner: LanguageModelV4) {
  const seen = { started: 0, aborted: 0 };
  const hang = (options: LanguageModelV4CallOptions) => {
    seen.started++;
    return new Promise<never>((_, reject) => {
      options.abortSignal?.addEventListener("abort", () => {
        seen.aborted++;
        reject(options.abortSignal?.reason);
      });
    });
  };
  const model: LanguageModelV4 = { ...inner, doGenerate: hang, doStream: hang };
  return { model, seen };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (check()) return;
    await sleep(20);
  }
  assert.fail(`timed out waiting for: ${what}`);
}

describe("a guest who leaves mid-turn", () => {
  for (const mode of ["json", "stream"] as const) {
    it(`stops the model's work (${mode}) and is counted as abandoned, not as an error`, async () => {
      let seen = { started: 0, aborted: 0 };
      const test = await startTestApp({
        listen: true,
        wrapModel: (inner) => {
          const stuck = stuckModel(inner);
          seen = stuck.seen;
          return stuck.model;
        },
      });
      try {
        const leaving = new AbortController();
        const request = fetch(`${test.origin}/api/chat`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: test.origin,
            "sec-fetch-site": "same-origin",
            ...(mode === "stream" ? { accept: "text/event-stream" } : {}),
          },
          body: JSON.stringify({ message: "Tell me about your cocktails" }),
          signal: leaving.signal,
        }).then(async (response) => {
          await response.text(); // a stream holds the request until the turn ends
        });
        await until(() => seen.started > 0, "the model call");
        leaving.abort();
        await request.catch(() => {});
        await until(() => seen.aborted > 0, "the model call to be aborted");
        const metrics = (await new Guest(test).get("/metrics")).body;
        assert.match(
          metrics,
          new RegExp(`maya_chat_turns_total\\{outcome="abandoned",mode="${mode}"\\} 1`),
        );
        assert.doesNotMatch(metrics, /maya_chat_turns_total\{outcome="error"/);
      } finally {
        await test.close();
      }
    });
  }
});
