import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Task } from "../../../src/guard/models/dataset.ts";
import { loadDefaultClassifiers } from "../../../src/guard/models/index.ts";
import { modelText, ownRows } from "./helpers.ts";

const LEET: Record<string, string> = { a: "4", e: "3", i: "1", o: "0", s: "5", t: "7" };
const HOMOGLYPH: Record<string, string> = { a: "а", e: "е", o: "о", p: "р", c: "с", x: "х" };

/**
 * Disguises an attacker would use; the guard's normaliser folds each back.
 * Character-level ones must leave the score almost unchanged; base64 adds
 * the words around the payload, so it gets a wider (still small) margin.
 */
const TOLERANCE: Record<string, number> = { base64: 0.15 };
const OBFUSCATIONS: Record<string, (t: string) => string> = {
  // Words that keep at least one letter: a word made only of digits ("537" for "set") is a number.
  leet: (t) =>
    t.replace(/\p{L}{3,}/gu, (w) => {
      const folded = w.replace(/[aeiost]/g, (c) => LEET[c]!);
      return /\p{L}/u.test(folded) ? folded : w;
    }),
  homoglyph: (t) => t.replace(/[aeopcx]/g, (c) => HOMOGLYPH[c]!),
  zeroWidth: (t) => [...t].join("\u200b"),
  fullWidth: (t) => t.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
  base64: (t) => Buffer.from(t).toString("base64"),
};

/** Training attacks in plain form (the encoded family is already disguised). */
function trainingAttacks(task: Task): string[] {
  return ownRows(task, "generated")
    .filter((r) => r.label === 1 && r.split === "train" && !/encoded|obfuscated/.test(r.source))
    .filter((_, i) => i % 25 === 0)
    .map((r) => r.text);
}

for (const [task, name] of [
  ["prompt-injection", "promptInjection"],
  ["toxicity", "toxicity"],
] as const) {
  test(`${name}: obfuscated variants of training attacks score like the originals`, () => {
    const classifier = loadDefaultClassifiers()[name]!;
    const score = (t: string) => classifier.score(modelText(t));
    const attacks = trainingAttacks(task);
    fc.assert(
      fc.property(
        fc.constantFrom(...attacks),
        fc.constantFrom(...Object.keys(OBFUSCATIONS)),
        (attack, how) => {
          // A base64 run is itself ~1.4 characters of noise per payload
          // character, so a one- or two-word payload ("muppet bot") drowns in
          // its own encoding: a known limit (models/MODEL_CARD.md), not checked.
          fc.pre(how !== "base64" || attack.split(/\s+/).length >= 4);
          const original = score(attack);
          const disguised = score(OBFUSCATIONS[how]!(attack));
          assert.ok(
            Math.abs(original - disguised) < (TOLERANCE[how] ?? 0.05),
            `${how}: ${original.toFixed(3)} vs ${disguised.toFixed(3)} for ${attack}`,
          );
          if (original >= 0.5) assert.ok(disguised >= 0.5, `${how} flipped the verdict`);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
}
