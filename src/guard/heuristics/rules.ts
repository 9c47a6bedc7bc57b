/**
 * Weighted pattern rules, grouped by family. A text's score is the noisy-OR of
 * the best rule in each family, so one strong signal blocks and several weak
 * ones from different families add up.
 *
 * Every regex here must stay linear: anchored on literal words, alternations of
 * literals, bounded gaps (`{0,3}`) between disjoint classes, no nested unbounded
 * quantifiers. `test/guard/linear-time.test.ts` runs all of them on pathological input.
 */

export type Rule = { family: string; weight: number; re: RegExp };

export type RuleMatch = { score: number; family: string | null; families: Record<string, number> };

export function rule(family: string, weight: number, source: string): Rule {
  return { family, weight, re: new RegExp(source) };
}

/** Up to `n` extra words between two parts of a phrase. */
export const gap = (n: number) => `(?:\\s+[\\w'-]{1,30}){0,${n}}\\s+`;

export function scoreRules(rules: readonly Rule[], texts: readonly string[]): RuleMatch {
  const families: Record<string, number> = {};
  for (const r of rules) {
    if ((families[r.family] ?? 0) >= r.weight) continue;
    for (const text of texts) {
      if (r.re.test(text)) {
        families[r.family] = r.weight;
        break;
      }
    }
  }
  let keep = 1;
  let top: string | null = null;
  let topWeight = 0;
  for (const [family, weight] of Object.entries(families)) {
    keep *= 1 - weight;
    if (weight > topWeight) {
      topWeight = weight;
      top = family;
    }
  }
  return { score: 1 - keep, family: top, families };
}
