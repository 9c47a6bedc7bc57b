import { editDistance, MENU, type MenuItem, singularForms } from "../../../bar/index.ts";

/**
 * Finds drinks in a token list: names and aliases from the bar's menu, plurals
 * ("martinis"), small typos ("negorni"), longest phrase first so "long island
 * iced tea" is the Long Island and not an Iced Tea.
 */

/** Words that name a group of drinks: the guest is asked which one. */
const GROUP_WORDS = new Set(["beer", "lager", "ale", "cocktail", "spirit", "liquor", "mocktail"]);

export interface ItemMention {
  item: MenuItem;
  start: number;
  end: number;
}

export interface GroupMention {
  word: string;
  start: number;
  end: number;
}

interface Phrase {
  item: MenuItem;
  words: string[];
}

const PHRASES: Phrase[] = MENU.flatMap((item) =>
  [item.name, ...item.aliases].map((text) => ({
    item,
    words: text
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, " ")
      .split(/\s+/)
      .filter(Boolean),
  })),
)
  // Longest first, so the longest phrase wins at a position.
  .sort((a, b) => b.words.length - a.words.length);

/** Everyday words that sit one typo away from a drink and must never become one. */
const NOT_TYPOS = new Set([
  "later",
  "matter",
  "letter",
  "bitter",
  "tonight",
  "ginger",
  "begin",
  "going",
  "give",
  "rumor",
  "brave",
  "bread",
  "brand",
  "sodas",
  "watch",
  "waiter",
  "lemon",
  "teams",
  "teas",
  "tear",
  "team",
  "beef",
  "been",
  "bees",
  "have",
  "with",
  "there",
  "manager",
  "martian",
  "money",
  "rather",
]);

const VOCABULARY = new Set(PHRASES.flatMap((p) => p.words));

function typoAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Whether a guest's word stands for a menu word: exact, plural, or a small typo. */
function wordMatches(guest: string, menuWord: string, isLast: boolean): boolean {
  if (guest === menuWord) return true;
  if (isLast && singularForms(guest).includes(menuWord)) return true;
  if (VOCABULARY.has(guest) || NOT_TYPOS.has(guest)) return false;
  if (guest[0] !== menuWord[0]) return false;
  const allowance = typoAllowance(menuWord.length);
  if (allowance === 0) return false;
  if (editDistance(guest, menuWord, allowance) <= allowance) return true;
  // A typo in a plural: "martnis".
  return (
    isLast && singularForms(guest).some((s) => editDistance(s, menuWord, allowance) <= allowance)
  );
}

function phraseAt(tokens: string[], start: number): ItemMention | null {
  for (const phrase of PHRASES) {
    const n = phrase.words.length;
    if (start + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      ok = wordMatches(tokens[start + k]!, phrase.words[k]!, k === n - 1);
    }
    if (ok) return { item: phrase.item, start, end: start + n };
  }
  return null;
}

function groupAt(tokens: string[], start: number): GroupMention | null {
  const word = tokens[start];
  if (word === undefined) return null;
  for (const candidate of [word, ...singularForms(word)]) {
    if (GROUP_WORDS.has(candidate)) {
      return { word: candidate, start, end: start + 1 };
    }
  }
  return null;
}

/** Every drink and drink group named in the tokens, left to right, without overlaps. */
export function findMentions(tokens: string[]): { items: ItemMention[]; groups: GroupMention[] } {
  const items: ItemMention[] = [];
  const groups: GroupMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = phraseAt(tokens, i);
    if (found) {
      items.push(found);
      i = found.end;
      continue;
    }
    const group = groupAt(tokens, i);
    if (group) groups.push(group);
    i += 1;
  }
  return { items, groups };
}

export const BASE_LIQUORS = ["vodka", "tequila", "gin", "whiskey", "rum", "brandy"] as const;

export function isBaseLiquor(item: MenuItem): boolean {
  return (BASE_LIQUORS as readonly string[]).includes(item.id);
}
