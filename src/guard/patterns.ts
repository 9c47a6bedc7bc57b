/**
 * Every regular expression the guard runs, in one list, so a test can prove
 * none of them backtracks catastrophically on pathological input.
 */

import { DECODE_PATTERNS } from "./decode.ts";
import { INJECTION_PATTERNS, INJECTION_RULES } from "./heuristics/injection.ts";
import { TOXICITY_PATTERNS, TOXICITY_RULES } from "./heuristics/toxicity.ts";
import { INVISIBLE_PATTERNS } from "./invisible.ts";
import { NORMALIZE_PATTERNS } from "./normalize.ts";
import { CANARY_PATTERNS } from "./scanners/canary.ts";
import { LENGTH_PATTERNS } from "./scanners/length.ts";
import { PII_PATTERNS } from "./scanners/pii.ts";
import { SECRET_REGEXES } from "./scanners/secrets.ts";
import { URL_PATTERNS } from "./scanners/urls.ts";

export type NamedPattern = { name: string; re: RegExp };

export function allPatterns(): NamedPattern[] {
  const named = (group: string, list: readonly RegExp[]) =>
    list.map((re, i) => ({ name: `${group}[${i}]`, re }));
  return [
    ...INJECTION_RULES.map((r, i) => ({ name: `injection.${r.family}[${i}]`, re: r.re })),
    ...TOXICITY_RULES.map((r, i) => ({ name: `toxicity.${r.family}[${i}]`, re: r.re })),
    ...named("injection.tokens", INJECTION_PATTERNS),
    ...named("toxicity.tokens", TOXICITY_PATTERNS),
    ...named("canary", CANARY_PATTERNS),
    ...named("decode", DECODE_PATTERNS),
    ...named("invisible", INVISIBLE_PATTERNS),
    ...named("normalize", NORMALIZE_PATTERNS),
    ...named("length", LENGTH_PATTERNS),
    ...named("pii", PII_PATTERNS),
    ...named("secrets", SECRET_REGEXES),
    ...named("urls", URL_PATTERNS),
  ];
}
