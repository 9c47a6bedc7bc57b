import { dollarsToCents } from "./money.ts";

export type Category = "cocktail" | "beer" | "spirit" | "non_alcoholic";

export interface MenuItem {
  /** Stable id used in state and tool calls, e.g. "long-island". */
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly priceCents: number;
  /** Other names a guest may use; matched like the name (case, plurals, small typos). */
  readonly aliases: readonly string[];
}

export const CATEGORY_NAMES: Readonly<Record<Category, string>> = {
  cocktail: "Cocktails",
  beer: "Beer",
  spirit: "Spirits",
  non_alcoholic: "Non-alcoholic",
};

function item(
  id: string,
  name: string,
  category: Category,
  dollars: number,
  aliases: string[] = [],
): MenuItem {
  return Object.freeze({
    id,
    name,
    category,
    priceCents: dollarsToCents(dollars),
    aliases: Object.freeze(aliases),
  });
}

/** The MOK 5-ha bar's menu. Prices are written in dollars and held in cents. */
export const MENU: readonly MenuItem[] = Object.freeze([
  item("daiquiri", "Daiquiri", "cocktail", 10.0, ["daquiri", "daiquari"]),
  item("martini", "Martini", "cocktail", 13.0, ["dry martini"]),
  item("long-island", "Long Island", "cocktail", 12.0, [
    "long island iced tea",
    "long island ice tea",
    "long island tea",
    "lit",
  ]),
  item("old-fashioned", "Old Fashioned", "cocktail", 12.0, ["old fashion", "oldfashioned"]),
  item("negroni", "Negroni", "cocktail", 11.0),
  item("cosmopolitan", "Cosmopolitan", "cocktail", 12.0, ["cosmo"]),
  item("manhattan", "Manhattan", "cocktail", 12.0),
  item("tap-beer", "Tap Beer", "beer", 5.0, [
    "draft beer",
    "draught beer",
    "draft",
    "draught",
    "tap",
  ]),
  item("classic-brew", "Classic Brew", "beer", 5.0, ["classic beer", "classic", "brew"]),
  item("ipa", "IPA", "beer", 6.0, ["india pale ale", "pale ale"]),
  item("whiskey", "Whiskey", "spirit", 8.0, ["whisky", "bourbon", "scotch", "rye"]),
  item("vodka", "Vodka", "spirit", 7.0),
  item("rum", "Rum", "spirit", 7.0),
  item("gin", "Gin", "spirit", 8.0),
  item("tequila", "Tequila", "spirit", 8.0),
  item("brandy", "Brandy", "spirit", 9.0, ["cognac"]),
  item("water", "Water", "non_alcoholic", 1.0, ["glass of water", "h2o"]),
  item("iced-tea", "Iced Tea", "non_alcoholic", 2.0, ["ice tea", "tea"]),
  item("lemonade", "Lemonade", "non_alcoholic", 2.0),
  item("soda", "Soda", "non_alcoholic", 3.0, ["cola", "coke", "pop", "soft drink"]),
]);

const BY_ID = new Map(MENU.map((entry) => [entry.id, entry]));

export function menuItemById(id: string): MenuItem | undefined {
  return BY_ID.get(id);
}

export function menuByCategory(): Array<{ category: Category; title: string; items: MenuItem[] }> {
  return (Object.keys(CATEGORY_NAMES) as Category[]).map((category) => ({
    category,
    title: CATEGORY_NAMES[category],
    items: MENU.filter((entry) => entry.category === category),
  }));
}

/**
 * Words that name a group rather than one drink: the guest is asked which.
 * "beer" on its own is ambiguous between the three beers.
 */
export const GROUP_WORDS: Readonly<Record<string, Category>> = {
  beer: "beer",
  lager: "beer",
  ale: "beer",
  cocktail: "cocktail",
  spirit: "spirit",
  shot: "spirit",
  liquor: "spirit",
  "non alcoholic": "non_alcoholic",
  mocktail: "non_alcoholic",
};
