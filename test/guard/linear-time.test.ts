/**
 * No pattern in the guard may backtrack catastrophically. Every registered
 * regex runs over pathological inputs of 100k characters (a catastrophic one
 * would not finish before the test times out), and the whole pipeline's cost
 * must grow linearly: 4× the input may take at most ~10× the CPU time
 * (quadratic would be 16×). Both are relative or generous bounds, not timing targets.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allPatterns } from "../../src/guard/patterns.ts";
import { heuristicGuard } from "./helpers.ts";

/** Inputs that defeat naive patterns: long runs, near-misses repeated, separators without ends. */
function pathological(n: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return {
    letters: fill("a"),
    digits: fill("1"),
    spacedDigits: fill("1 "),
    spaces: `x${fill(" ")}x`,
    newlines: fill("\n \n"),
    base64ish: fill("QUJD"),
    hexish: `${fill("ab")}z`,
    dots: fill("a."),
    emailish: fill("a@a."),
    spacedLetters: fill("a "),
    stars: `${fill("a")} *`,
    masked: fill("f*"),
    words: fill("ignore the "),
    overrideNearMiss: fill("ignore all previous "),
    extraction: fill("reveal me the "),
    roles: fill("<|im_"),
    json: fill('"name": "'),
    keyBegin: fill("-----BEGIN PRIVATE KEY-----"),
    urls: fill("http://a"),
    percent: fill("%4"),
    repeatedPhrase: fill("you are "),
    noLimits: fill("no of "),
    unicode: fill("аé\u200b"),
  };
}

describe("linear time", () => {
  it("every registered pattern finishes on 100k-character pathological input", () => {
    const inputs = Object.entries(pathological(100_000));
    const patterns = allPatterns();
    assert.ok(patterns.length > 100, `expected the full registry, got ${patterns.length}`);
    for (const { name, re } of patterns) {
      const global = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
      for (const [inputName, input] of inputs) {
        const started = performance.now();
        let matches = 0;
        for (const _ of input.matchAll(global)) if (++matches > 200_000) break;
        const ms = performance.now() - started;
        // Generous: a linear pass over 100k characters takes a few ms; a quadratic one takes minutes.
        assert.ok(ms < 5_000, `${name} on ${inputName}: ${ms.toFixed(0)} ms`);
      }
    }
  });

  it("the whole pipeline grows linearly with input size", async () => {
    const guard = heuristicGuard({ maxInputChars: 10_000_000, maxTokens: 10_000_000 });
    const inputsSmall = pathological(25_000);
    const inputsLarge = pathological(100_000);
    const cost = async (inputs: Record<string, string>) => {
      let best = Number.POSITIVE_INFINITY;
      // CPU time, not wall time: other processes on a shared machine do not count.
      for (let round = 0; round < 2; round++) {
        const started = process.cpuUsage();
        for (const text of Object.values(inputs)) {
          await guard.scanInput(text);
          await guard.scanOutput(text);
        }
        const used = process.cpuUsage(started);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    await cost(inputsSmall); // warm up
    const small = await cost(inputsSmall);
    const large = await cost(inputsLarge);
    const ratio = large / small;
    console.log(
      `# pipeline: 25k → 100k chars: ${small.toFixed(0)} → ${large.toFixed(0)} ms CPU (×${ratio.toFixed(2)})`,
    );
    assert.ok(
      ratio < 10,
      `4× input took ${ratio.toFixed(1)}× the time (${small.toFixed(0)} → ${large.toFixed(0)} ms)`,
    );
  });
});
