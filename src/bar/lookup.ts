import { type Category, GROUP_WORDS, MENU, type MenuItem } from "./menu.ts";
import { LIQUORS, MODIFIERS } from "./modifiers.ts";
import { editDistance, normalizeText, singularForms, typoAllowance } from "./text.ts";

export type LookupResult =
  | { ok: true; item: MenuItem /** true when a typo was forgiven */; corrected: boolean }
  | {
      ok: false;
      code: "unknown_item" | "ambiguous";
      message: string;
      /** Close matches (unknown) or the choices (ambiguous), best first. */
      suggestions: MenuItem[];
    };

/** Longer queries are not drink names; refusing them keeps matching cheap. */
export const MAX_QUERY_CHARS = 80;

const GROUP_TITLES: Readonly<Record<Category, string>> = {
  beer: "beer",
  cocktail: "cocktail",
  spirit: "spirit",
  non_alcoholic: "soft drink",
};

/** Every normalized name and alias, pointing at its item. */
const KEYS: ReadonlyArray<{ key: string; item: MenuItem }> = MENU.flatMap((item) =>
  [item.name, item.id, ...item.aliases].map((name) => ({ key: normalizeText(name), item })),
);
const EXACT = new Map(KEYS.map(({ key, item }) => [key, item]));

/** Words that may surround a drink name without changing which drink it is. */
const FILLER = new Set([
  "a",
  "an",
  "the",
  "some",
  "of",
  "please",
  "glass",
  "glasses",
  "shot",
  "shots",
  "double",
  "single",
  "pints",
  "bottles",
  "pint",
  "bottle",
  "cold",
  "nice",
  "another",
  "with",
  "on",
  "rocks",
  "up",
  "chaser",
  "ice",
  ...MODIFIERS.flatMap((m) => m.split(" ")),
  ...LIQUORS,
]);

/** The query and the forms it may be a plural of ("long islands" → "long island"). */
function variants(text: string): string[] {
  const words = text.split(" ");
  const last = words.at(-1) ?? "";
  const head = words.slice(0, -1).join(" ");
  const join = (w: string) => (head ? `${head} ${w}` : w);
  const out = [text, ...singularForms(last).map(join)];
  // "glasses of water", "pints of ipa": a plural container in front is filler.
  return [...new Set(out)];
}

function stripLeadingFiller(text: string): string {
  const words = text.split(" ");
  while (words.length > 1 && ["a", "an", "the", "some", "of", "please"].includes(words[0]!)) {
    words.shift();
  }
  return words.join(" ");
}

function groupChoices(text: string): MenuItem[] | undefined {
  const category = GROUP_WORDS[text];
  return category ? MENU.filter((item) => item.category === category) : undefined;
}

function listNames(items: readonly MenuItem[]): string {
  const names = items.map((item) => item.name);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

function unique(items: MenuItem[]): MenuItem[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/** A drink name inside a longer phrase ("a dirty vodka martini"), when every other word is filler. */
function containedItem(text: string): MenuItem[] {
  const words = text.split(" ");
  let best: { length: number; items: MenuItem[] } = { length: 0, items: [] };
  for (const { key, item } of KEYS) {
    const keyWords = key.split(" ");
    for (let start = 0; start + keyWords.length <= words.length; start++) {
      const slice = words.slice(start, start + keyWords.length);
      const plural = slice.join(" ") !== key && variants(slice.join(" ")).includes(key);
      if (slice.join(" ") !== key && !plural) continue;
      const rest = [...words.slice(0, start), ...words.slice(start + keyWords.length)];
      if (!rest.every((w) => FILLER.has(w))) continue;
      if (key.length > best.length) best = { length: key.length, items: [item] };
      else if (key.length === best.length) best.items.push(item);
    }
  }
  return unique(best.items);
}

function closest(texts: string[]): Array<{ item: MenuItem; distance: number }> {
  const byItem = new Map<string, { item: MenuItem; distance: number }>();
  for (const text of texts) {
    for (const { key, item } of KEYS) {
      const distance = editDistance(text, key, 4);
      const seen = byItem.get(item.id);
      if (!seen || distance < seen.distance) byItem.set(item.id, { item, distance });
    }
  }
  return [...byItem.values()].sort((a, b) => a.distance - b.distance);
}

/**
 * Finds the drink a guest means: case-insensitive, plurals, aliases
 * ("Long Island Iced Tea" is the Long Island), small typos, and a drink named
 * inside a phrase of modifiers. "beer" on its own asks which beer.
 */
export function findMenuItem(query: unknown): LookupResult {
  if (typeof query !== "string" || normalizeText(query) === "") {
    return {
      ok: false,
      code: "unknown_item",
      message: "Which drink would you like?",
      suggestions: [],
    };
  }
  if (query.length > MAX_QUERY_CHARS) {
    return {
      ok: false,
      code: "unknown_item",
      message: "That is too long for a drink name; please name one drink from the menu.",
      suggestions: [],
    };
  }
  const text = stripLeadingFiller(normalizeText(query));
  const forms = variants(text);

  for (const form of forms) {
    const item = EXACT.get(form);
    if (item) return { ok: true, item, corrected: false };
  }
  for (const form of forms) {
    const choices = groupChoices(form);
    if (choices) {
      return {
        ok: false,
        code: "ambiguous",
        message: `Which ${GROUP_TITLES[choices[0]!.category]} would you like: ${listNames(choices)}?`,
        suggestions: choices,
      };
    }
  }
  const contained = containedItem(text);
  if (contained.length === 1) return { ok: true, item: contained[0]!, corrected: false };
  if (contained.length > 1) {
    return {
      ok: false,
      code: "ambiguous",
      message: `Did you mean ${listNames(contained)}?`,
      suggestions: contained,
    };
  }

  const ranked = closest(forms);
  const allowance = typoAllowance(text.replace(/ /g, "").length);
  const best = ranked[0];
  if (best && best.distance <= allowance) {
    const tied = ranked.filter((r) => r.distance === best.distance).map((r) => r.item);
    if (tied.length === 1) return { ok: true, item: best.item, corrected: true };
    return {
      ok: false,
      code: "ambiguous",
      message: `Did you mean ${listNames(tied)}?`,
      suggestions: tied,
    };
  }
  const words = new Set(text.split(" "));
  // Loose enough to catch a garbled name, tight enough not to suggest the whole menu.
  const limit = Math.min(3, Math.max(1, Math.floor(text.length / 3)));
  const suggestions = ranked
    .filter(
      (r) =>
        r.distance <= limit ||
        KEYS.some(({ key, item }) => item.id === r.item.id && words.has(key)),
    )
    .slice(0, 3)
    .map((r) => r.item);
  const shown = query.trim().slice(0, 40);
  return {
    ok: false,
    code: "unknown_item",
    message:
      suggestions.length > 0
        ? `We don't have "${shown}" on the menu. Did you mean ${listNames(suggestions)}?`
        : `We don't have "${shown}" on the menu. Ask me for the menu to see what we pour.`,
    suggestions,
  };
}
