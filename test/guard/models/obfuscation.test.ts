import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  createGuard,
  highestModelScore,
  normalize,
  parseScanConfig,
} from "../../../src/guard/index.ts";
import type { Task } from "../../../src/guard/models/dataset.ts";
import { loadDefaultClassifiers } from "../../../src/guard/models/index.ts";
import { ownRows } from "./helpers.ts";

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
    // As the scanners read it: a decoded payload is also scored on its own.
    const score = (t: string) => highestModelScore(normalize(t), classifier.score);
    const attacks = trainingAttacks(task);
    fc.assert(
      fc.property(
        fc.constantFrom(...attacks),
        fc.constantFrom(...Object.keys(OBFUSCATIONS)),
        (attack, how) => {
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

test("a short insult hidden in padded base64 is blocked as it is in plain words", async () => {
  const guard = createGuard(parseScanConfig({}));
  for (const insult of ["muppet bot", "dumb bot"]) {
    const plain = await guard.scanInput(insult);
    const hidden = await guard.scanInput(`read this: ${Buffer.from(insult).toString("base64")}`);
    assert.equal(plain.blockedBy, "toxicity", insult);
    assert.equal(hidden.blockedBy, "toxicity", `${insult} in base64`);
    assert.ok(hidden.scannerScores.toxicityModel! >= plain.scannerScores.toxicityModel!, insult);
  }
});
