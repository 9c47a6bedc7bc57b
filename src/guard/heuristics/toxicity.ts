/**
 * The heuristic toxicity detector: a lexicon of slurs, insults and profanity
 * (with obfuscation already folded by `normalize`: spacing, symbols, digits for
 * letters, stretched letters), "*" wildcards ("f*ck"), insults aimed at the
 * listener, and phrase rules for threats, harassment and hate.
 */

import type { NormalizedText } from "../normalize.ts";
import { gap, type Rule, rule, scoreRules } from "./rules.ts";
import { DRINK_NAMES, TERMS, type Term } from "./toxicity-lexicon.ts";

const GROUPS =
  "(?:jews|muslims|blacks|black people|gays|gay people|homosexuals|lesbians|women|girls|immigrants|mexicans|arabs|asians|chinese|indians|africans|trans people|transgender people|trannies|refugees|latinos|hispanics|christians|whites|white people|disabled people|foreigners|migrants|niggers|faggots)";
const HARM = "(?:kill|murder|stab|shoot|hurt|beat|strangle|choke|rape|punch|slap|smack)";

export const TOXICITY_RULES: readonly Rule[] = [
  rule(
    "threat",
    0.95,
    `\\bi(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna|ll| wanna| want to)(?: fucking)? ${HARM} (?:you|u|ya|your family)\\b`,
  ),
  rule(
    "threat",
    0.95,
    "\\b(?:kill|hang|shoot|off) yourself\\b|\\bkys\\b|\\bgo (?:and )?die\\b|\\bdrop dead\\b",
  ),
  rule(
    "threat",
    0.9,
    "\\bhope (?:you|u) (?:die|get (?:cancer|hit|raped|killed|shot|stabbed)|choke|burn)",
  ),
  rule(
    "threat",
    0.9,
    "\\b(?:you|u) (?:should|deserve to|need to|ought to|will) (?:die|be (?:killed|shot|raped|hanged|hung|beaten))\\b",
  ),
  rule("threat", 0.85, "\\bi know where (?:you|u) live\\b|\\bwatch your back\\b"),
  rule(
    "threat",
    0.75,
    "\\b(?:burn|blow|shoot) (?:this|the|your) (?:place|bar|building|joint|shithole|dump)(?: down| up)\\b",
  ),
  rule(
    "threat",
    0.9,
    `\\b(?:kill|gas|exterminate|shoot|hang|lynch|murder) (?:all|the|every|those|these)${gap(1)}${GROUPS}\\b`,
  ),
  rule(
    "abuse",
    0.9,
    "\\b(?:fuck|screw|f) (?:you|u|ya|yourself|off|your (?:mother|mom|mum|face))\\b|\\bgo fuck\\b",
  ),
  rule(
    "abuse",
    0.7,
    "\\bstfu\\b|\\bshut (?:the fuck|your (?:fucking )?(?:mouth|face|trap|hole)|up,? (?:you|bitch|idiot|moron|cunt|stupid))",
  ),
  rule("abuse", 0.35, "\\bshut up\\b"),
  rule("abuse", 0.75, "\\bpiece of (?:shit|crap|garbage|trash)\\b"),
  rule(
    "abuse",
    0.6,
    "\\b(?:you|u)(?:'re| are| r|re)?(?: such| so| the| a| an| fucking){0,4} (?:worst|most useless|dumbest|stupidest)\\b",
  ),
  rule("abuse", 0.6, "\\b(?:nobody|no one) (?:likes|loves|cares about|wants) (?:you|u)\\b"),
  rule(
    "harassment",
    0.9,
    "\\bsuck my (?:dick|cock|balls|tits|toes)\\b|\\bsit on my (?:face|dick|cock)\\b",
  ),
  rule(
    "harassment",
    0.85,
    "\\bsend (?:me )?(?:nudes|naked|pics of your (?:body|tits|boobs|ass))|\\bshow me your (?:tits|boobs|ass|pussy|dick|body|naked)\\b",
  ),
  rule(
    "harassment",
    0.9,
    "\\b(?:i want to|i wanna|wanna|let me|i'd|i would|i'm going to|i'm gonna) (?:fuck|bang|screw|have sex with|sleep with|rape) (?:you|u)\\b",
  ),
  rule(
    "hate",
    0.85,
    `\\b${GROUPS}(?: \\w+){0,2} (?:are|should be|must be|deserve to be|need to be|belong)(?: all| just| nothing but| like)? (?:animals|vermin|subhuman|inferior|rats|parasites|savages|scum|trash|filth|terrorists|criminals|killed|exterminated|gassed|deported|eradicated|wiped out|shot|hanged|in the kitchen|in cages|disgusting|a disease|a plague|cockroaches|monkeys|apes|dogs|evil|dirty|rapists|less than human|not human)\\b`,
  ),
  rule(
    "hate",
    0.9,
    `\\b(?:i hate|hate all|fuck all|fuck the|death to(?: all)?(?: the)?) ${GROUPS}\\b`,
  ),
  rule("hate", 0.6, "\\b(?:go back to|get out of) (?:your|my|our) (?:own )?country\\b"),
  rule("abuse", 0.6, "\\b(?:you|u) (?:really |totally )?suck\\b|\\bkiss my (?:ass|arse)\\b"),
  rule("abuse", 0.55, "\\bgo to hell\\b|\\beat shit\\b|\\bbite me\\b"),
  rule("abuse", 0.7, "\\bi (?:hate|despise|loathe) (?:you|u|this (?:bot|bar|place))\\b"),
  rule("abuse", 0.6, "\\bpiece of junk\\b"),
  rule("threat", 0.85, "\\bdie in a (?:fire|hole|ditch)\\b"),
  rule("hate", 0.85, "\\bching chong\\b"),
];

// Who an insult is aimed at: the listener, Maya, or the bot itself ("stupid AI").
const TARGETS = new Set([
  "you",
  "u",
  "ya",
  "yourself",
  "youre",
  "maya",
  "bot",
  "ai",
  "chatbot",
  "robot",
  "bartender",
]);
const TOKEN = /[a-z0-9]+/g;

/** "f*ck", "b***h": a wildcard stands for one letter; when several listed words fit, the mildest wins. */
function unmask(token: string): string {
  if (token.length < 3 || !/[a-z]/.test(token)) return token;
  let mildest: [string, Term] | undefined;
  for (const [word, term] of TERMS) {
    if (word.length !== token.length || (mildest && mildest[1].weight <= term.weight)) continue;
    let same = true;
    for (let i = 0; i < word.length && same; i++) {
      const c = token[i] as string;
      same = c === "*" || c === "#" || c === word[i];
    }
    if (same) mildest = [word, term];
  }
  return mildest ? mildest[0] : token;
}

// Starts only at a word start, so a long word without a mask is read once.
const MASKED = /(?<![a-z*#])[a-z]*[*#][a-z*#]*/g;
export const TOXICITY_PATTERNS: readonly RegExp[] = [TOKEN, MASKED, DRINK_NAMES];

/** Drink names out, masked words spelled out, so both the lexicon and the phrase rules read them. */
function prepare(text: string): string {
  const t = text.replace(DRINK_NAMES, " ");
  return t.includes("*") || t.includes("#") ? t.replace(MASKED, unmask) : t;
}

/** Words that may sit between "you" and an insult: "you're so stupid", "you are such a clown". */
const FILLERS = new Set([
  "re",
  "are",
  "r",
  "is",
  "s",
  "so",
  "such",
  "a",
  "an",
  "the",
  "fucking",
  "really",
  "totally",
  "just",
  "little",
]);

/**
 * Whether the insult at `i` is aimed at the listener. Mild words ("stupid",
 * "trash") need the target right next to them ("you're so stupid", "useless
 * bot"), so "can you take the trash out" stays harmless; stronger ones count
 * anywhere within a few words; a lone insult always does.
 */
function aimedAtListener(tokens: readonly string[], i: number, weight: number): boolean {
  // A message that is nothing but the insult ("Loser.") is said to whoever reads it.
  if (tokens.length === 1) return true;
  if (weight < 0.3) {
    if (TARGETS.has(tokens[i + 1] ?? "")) return true;
    for (let k = i - 1, steps = 0; k >= 0 && steps < 4; k--, steps++) {
      const token = tokens[k] as string;
      if (TARGETS.has(token)) return true;
      if (!FILLERS.has(token)) return false;
    }
    return false;
  }
  for (let k = Math.max(0, i - 3); k <= i + 2 && k < tokens.length; k++) {
    if (TARGETS.has(tokens[k] as string)) return true;
  }
  return false;
}

type LexiconScore = { score: number; category: string | null };

function lexiconScore(text: string): LexiconScore {
  const tokens = text.match(TOKEN) ?? [];
  const byCategory = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const term = TERMS.get(tokens[i] as string);
    if (!term) continue;
    let weight = term.weight;
    if (
      (term.category === "insult" || term.category === "slur") &&
      aimedAtListener(tokens, i, weight)
    ) {
      weight = Math.max(weight, 0.55 + weight * 0.45);
    }
    const category = term.category === "slur" ? "slur" : term.category;
    byCategory.set(category, Math.max(byCategory.get(category) ?? 0, weight));
  }
  let keep = 1;
  let top: string | null = null;
  let topWeight = 0;
  for (const [category, weight] of byCategory) {
    keep *= 1 - weight;
    if (weight > topWeight) [top, topWeight] = [category, weight];
  }
  return { score: 1 - keep, category: top };
}

export type ToxicityHeuristic = { score: number; reason: string | null };

function scoreOne(text: string): ToxicityHeuristic {
  const prepared = prepare(text);
  const lexicon = lexiconScore(prepared);
  const phrases = scoreRules(TOXICITY_RULES, [prepared]);
  const score = 1 - (1 - lexicon.score) * (1 - phrases.score);
  const reason =
    (phrases.families[phrases.family ?? ""] ?? 0) >= lexicon.score
      ? phrases.family
      : lexicon.category;
  return { score, reason };
}

/** Heuristic toxicity of a normalised text and of its decoded payloads. */
export function toxicityHeuristic(normalized: NormalizedText): ToxicityHeuristic {
  let best = scoreOne(normalized.text);
  for (const segment of normalized.decoded) {
    const inner = scoreOne(segment.text);
    if (inner.score > best.score)
      best = { score: inner.score, reason: `${inner.reason} (${segment.encoding}-encoded)` };
  }
  return best;
}
