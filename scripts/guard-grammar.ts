/**
 * A tiny seeded grammar for generating training text.
 *
 * Templates contain `{slot}` (a random entry from the named list, expanded
 * recursively) and `{a|b|c}` (an inline choice; `{|x}` makes x optional).
 * Literal braces are written ⦃ and ⦄. Everything draws from one seeded
 * generator, so the output is reproducible.
 */

import { seededRandom } from "../src/guard/models/trainer.ts";

export type Slots = Record<string, readonly string[]>;

export class Grammar {
  readonly #random: () => number;
  readonly #slots: Slots;

  constructor(seed: number, slots: Slots) {
    this.#random = seededRandom(seed);
    this.#slots = slots;
  }

  random(): number {
    return this.#random();
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.#random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.#random() < p;
  }

  expand(template: string, depth = 0): string {
    if (depth > 12) throw new Error(`grammar too deep at: ${template}`);
    const out = template.replace(/\{([^{}]*)\}/g, (_, body: string) => {
      if (body.includes("|") || body === "") return this.pick(body.split("|"));
      const list = this.#slots[body];
      if (!list) throw new Error(`unknown slot {${body}}`);
      return this.pick(list);
    });
    // Expanded pieces may contain further slots.
    return /\{[^{}]*\}/.test(out) ? this.expand(out, depth + 1) : tidy(out);
  }
}

/** Collapse the double spaces and stray spaces before punctuation that optional parts leave. */
export function tidy(text: string): string {
  return text
    .replaceAll("⦃", "{")
    .replaceAll("⦄", "}")
    .replace(/[ \t]+/g, " ")
    .replace(/ ([,.!?;:])/g, "$1")
    .replace(/^ +| +$/gm, "")
    .trim();
}

/** Light, seeded surface noise: case, trailing punctuation, "pls"-style shortening. */
export function roughen(g: Grammar, text: string): string {
  let t = text;
  const r = g.random();
  if (r < 0.15) t = t.toLowerCase();
  else if (r < 0.18) t = t.toUpperCase();
  if (g.chance(0.2)) t = t.replace(/[.!?]$/, "");
  if (g.chance(0.05)) t = t.replace(/\bplease\b/gi, "pls");
  if (g.chance(0.05)) t = t.replace(/\byou\b/gi, "u");
  return t;
}
