/**
 * Weighted pattern rules, grouped by family. A text's score is the noisy-OR of
 * the best rule in each family, so one strong signal blocks and several weak
 * ones from different families add up.
 *
 * Every regex here must stay linear: anchored on literal words, alternations of
 * literals, bounded gaps (`{0,3}`) between disjoint classes, no nested unbounded
 * quantifiers. `test/guard/linear-time.test.ts` runs all of them on pathological input.
 */

export type Rule = {
  family: string;
  weight: number;
  re: RegExp;
  /** Words one of which must be in the text for the rule to match; null when it cannot be told. */
  anchors: ReadonlySet<string> | null;
};

export type RuleMatch = { score: number; family: string | null; families: Record<string, number> };

/** Splits normalised text into the words rule anchors are looked up in. */
export const ANCHOR_SPLIT = /[^a-z0-9]+/;

/** Splits at top-level `|` (outside groups and classes). */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "\\") {
      current += c + (source[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    if (c === "|" && depth === 0 && !inClass) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

const WORD_START = /^[a-z0-9]+/;

/**
 * Whether what follows a literal word keeps it a whole word in the split text:
 * a space, quote, comma, `\b`, `\s`, a class of non-word characters, or a group
 * whose every alternative starts that way (and, if optional, what follows it too).
 */
function ends(rest: string, depth = 0): boolean {
  if (depth > 4) return false;
  // An optional separator ("word ?x", "word[ _-]?x") may be absent: then what follows decides.
  const optionalSeparator = /^(?: |\[[^\]a-z0-9\\]+\])(?:\?|\*|\{0,\d*\})/.exec(rest);
  if (optionalSeparator) return ends(rest.slice(optionalSeparator[0].length), depth + 1);
  if (rest === "" || /^(?: |'|,|\\b|\\s)/.test(rest)) return true;
  if (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    return close > 1 && !/[a-z0-9\\]/.test(rest.slice(1, close));
  }
  if (!rest.startsWith("(?:")) return false;
  const close = closingParen(rest, 0);
  if (close < 0) return false;
  const inner = topLevelAlternatives(rest.slice(3, close));
  if (!inner.every((alt) => alt !== "" && ends(alt, depth + 1))) return false;
  const after = rest.slice(close + 1);
  const optional = /^(?:\?|\*|\{0,)/.exec(after);
  if (!optional) return true;
  return ends(after.replace(/^(?:\?|\*|\{0,\d*\})/, ""), depth + 1);
}

/**
 * The first words of a rule made of `\b`-anchored literal alternatives
 * (`\bword …|\b(?:word …|word …) …`). One of them must be a word of the text
 * for the rule to match, so a set lookup skips most rules for most messages.
 * Null when the rule's start is not that simple.
 */
function anchorsOf(source: string): Set<string> | null {
  const anchors = new Set<string>();
  for (const alt of topLevelAlternatives(source)) {
    if (!alt.startsWith("\\b")) return null;
    const body = alt.slice(2);
    if (body.startsWith("(?:")) {
      const close = closingParen(body, 0);
      if (close < 0) return null;
      const after = body.slice(close + 1);
      if (after.startsWith("?") || after.startsWith("*") || after.startsWith("{")) return null;
      for (const inner of topLevelAlternatives(body.slice(3, close))) {
        const word = WORD_START.exec(inner)?.[0];
        const rest = word === undefined ? "" : inner.slice(word.length);
        if (!word || !(rest === "" ? ends(after) : ends(rest))) return null;
        anchors.add(word);
      }
    } else {
      const word = WORD_START.exec(body)?.[0];
      if (!word || !ends(body.slice(word.length))) return null;
      anchors.add(word);
    }
  }
  return anchors;
}

export function rule(family: string, weight: number, source: string): Rule {
  return { family, weight, re: new RegExp(source), anchors: anchorsOf(source) };
}

/** Up to `n` extra words between two parts of a phrase. */
export const gap = (n: number) => `(?:\\s+[\\w'-]{1,30}){0,${n}}\\s+`;

/** `words`: the texts split by ANCHOR_SPLIT, when the caller has them already. */
export function scoreRules(
  rules: readonly Rule[],
  texts: readonly string[],
  words: ReadonlySet<string> = new Set(texts.flatMap((t) => t.split(ANCHOR_SPLIT))),
): RuleMatch {
  const families: Record<string, number> = {};
  for (const r of rules) {
    if ((families[r.family] ?? 0) >= r.weight) continue;
    if (r.anchors && !hasAny(words, r.anchors)) continue;
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

function hasAny(words: ReadonlySet<string>, anchors: ReadonlySet<string>): boolean {
  for (const a of anchors) if (words.has(a)) return true;
  return false;
}
