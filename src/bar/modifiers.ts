import type { Category, MenuItem } from "./menu.ts";
import { normalizeText } from "./text.ts";

/** Preparation modifiers (no price change). */
export const PREPARATIONS = [
  "shaken",
  "stirred",
  "neat",
  "on the rocks",
  "dry",
  "dirty",
  "perfect",
  "with a chaser",
] as const;
/** Base liquor choices for cocktails (no price change). */
export const LIQUORS = ["vodka", "tequila", "gin", "whiskey", "rum", "brandy"] as const;

export type Preparation = (typeof PREPARATIONS)[number];
export type Liquor = (typeof LIQUORS)[number];
export type Modifier = Preparation | Liquor;

export const MODIFIERS: readonly Modifier[] = [...PREPARATIONS, ...LIQUORS];

/** At most this many modifiers on one line; more is not a drink, it is noise. */
export const MAX_MODIFIERS = 4;

const SYNONYMS: Readonly<Record<string, Modifier>> = {
  shake: "shaken",
  stir: "stirred",
  rocks: "on the rocks",
  "on rocks": "on the rocks",
  "over ice": "on the rocks",
  "with ice": "on the rocks",
  "on ice": "on the rocks",
  straight: "neat",
  "straight up": "neat",
  chaser: "with a chaser",
  "with chaser": "with a chaser",
  whisky: "whiskey",
  bourbon: "whiskey",
  cognac: "brandy",
};

const ALLOWED: Readonly<Record<Category, readonly Modifier[]>> = {
  cocktail: ["shaken", "stirred", "on the rocks", "dry", "dirty", "perfect", ...LIQUORS],
  spirit: ["neat", "on the rocks", "with a chaser"],
  beer: [],
  non_alcoholic: ["on the rocks"],
};

/** Pairs that cannot both be true of one glass. */
const EXCLUSIVE: ReadonlyArray<readonly Modifier[]> = [
  ["shaken", "stirred"],
  ["neat", "on the rocks"],
  LIQUORS,
];

export function modifiersAllowedFor(item: MenuItem): readonly Modifier[] {
  return ALLOWED[item.category];
}

export type ModifierResult =
  | { ok: true; modifiers: Modifier[] }
  | { ok: false; code: "invalid_modifier"; message: string };

/** Turns what a guest said ("Rocks", "bourbon") into canonical modifiers valid for this drink, sorted and unique. */
export function normalizeModifiers(item: MenuItem, raw: readonly unknown[] = []): ModifierResult {
  if (!Array.isArray(raw)) {
    return { ok: false, code: "invalid_modifier", message: "Modifiers must be a list of words." };
  }
  const chosen = new Set<Modifier>();
  for (const entry of raw) {
    if (typeof entry !== "string" || entry.length > 40) {
      return {
        ok: false,
        code: "invalid_modifier",
        message: "Each modifier must be a short word.",
      };
    }
    const text = normalizeText(entry);
    if (text === "") continue;
    const modifier = (MODIFIERS as readonly string[]).includes(text)
      ? (text as Modifier)
      : SYNONYMS[text];
    if (modifier === undefined) {
      return {
        ok: false,
        code: "invalid_modifier",
        message: `I don't know how to make a drink "${entry.slice(0, 40)}". Options: ${MODIFIERS.join(", ")}.`,
      };
    }
    if (!ALLOWED[item.category].includes(modifier)) {
      const allowed = ALLOWED[item.category];
      const hint = allowed.length === 0 ? "it comes as it is" : `choose from ${allowed.join(", ")}`;
      return {
        ok: false,
        code: "invalid_modifier",
        message: `A ${item.name} can't be ${modifier}; ${hint}.`,
      };
    }
    chosen.add(modifier);
  }
  for (const group of EXCLUSIVE) {
    const clash = group.filter((m) => chosen.has(m));
    if (clash.length > 1) {
      return {
        ok: false,
        code: "invalid_modifier",
        message: `A drink can't be both ${clash.join(" and ")}; please pick one.`,
      };
    }
  }
  if (chosen.size > MAX_MODIFIERS) {
    return {
      ok: false,
      code: "invalid_modifier",
      message: `At most ${MAX_MODIFIERS} modifiers per drink, please.`,
    };
  }
  return { ok: true, modifiers: [...chosen].sort() };
}
