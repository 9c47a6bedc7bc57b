import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findMenuItem, MENU, menuByCategory, recommend } from "../../src/bar/index.ts";

describe("menu", () => {
  it("has the bar's drinks and prices in cents", () => {
    const price = (name: string) => MENU.find((item) => item.name === name)?.priceCents;
    assert.equal(MENU.length, 20);
    assert.equal(price("Daiquiri"), 1000);
    assert.equal(price("Martini"), 1300);
    assert.equal(price("Long Island"), 1200);
    assert.equal(price("IPA"), 600);
    assert.equal(price("Brandy"), 900);
    assert.equal(price("Water"), 100);
    assert.equal(price("Soda"), 300);
    for (const item of MENU)
      assert.ok(Number.isSafeInteger(item.priceCents) && item.priceCents > 0);
  });

  it("groups drinks by category in menu order", () => {
    const groups = menuByCategory();
    assert.deepEqual(
      groups.map((g) => [g.title, g.items.length]),
      [
        ["Cocktails", 7],
        ["Beer", 3],
        ["Spirits", 6],
        ["Non-alcoholic", 4],
      ],
    );
  });
});

describe("findMenuItem", () => {
  const expectItem = (query: string, name: string) => {
    const result = findMenuItem(query);
    assert.ok(result.ok, `${query}: ${result.ok ? "" : result.message}`);
    assert.equal(result.item.name, name, query);
  };

  it("matches names case-insensitively and by id", () => {
    expectItem("MARTINI", "Martini");
    expectItem("old fashioned", "Old Fashioned");
    expectItem("long-island", "Long Island");
    expectItem("  Iced   Tea ", "Iced Tea");
  });

  it("understands plurals", () => {
    expectItem("martinis", "Martini");
    expectItem("IPAs", "IPA");
    expectItem("whiskies", "Whiskey");
    expectItem("long islands", "Long Island");
    expectItem("daiquiris", "Daiquiri");
    expectItem("glasses of water", "Water");
  });

  it("knows common aliases, and the Long Island Iced Tea is not an iced tea", () => {
    expectItem("Long Island Iced Tea", "Long Island");
    expectItem("long island ice teas", "Long Island");
    expectItem("cosmo", "Cosmopolitan");
    expectItem("bourbon", "Whiskey");
    expectItem("coke", "Soda");
  });

  it("finds the drink inside a phrase of modifiers", () => {
    expectItem("a dirty vodka martini", "Martini");
    expectItem("whiskey on the rocks", "Whiskey");
    expectItem("a shot of tequila", "Tequila");
    expectItem("pint of IPA", "IPA");
  });

  it("forgives small typos and says so", () => {
    for (const [typo, name] of [
      ["marttini", "Martini"],
      ["negorni", "Negroni"],
      ["manhatan", "Manhattan"],
      ["lemonaid", "Lemonade"],
    ] as const) {
      const result = findMenuItem(typo);
      assert.ok(result.ok, typo);
      assert.equal(result.item.name, name);
      assert.equal(result.corrected, true);
    }
  });

  it('asks which beer for "beer"', () => {
    for (const query of ["beer", "Beers", "a beer"]) {
      const result = findMenuItem(query);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.code === "ambiguous");
      assert.deepEqual(
        result.suggestions.map((i) => i.name),
        ["Tap Beer", "Classic Brew", "IPA"],
      );
      assert.match(result.message, /Which beer/);
    }
  });

  it("returns unknown items as a typed result with close matches", () => {
    const result = findMenuItem("whiskey sour");
    assert.ok(!result.ok);
    assert.equal(result.code, "unknown_item");
    assert.deepEqual(
      result.suggestions.map((i) => i.name),
      ["Whiskey"],
    );
    const nothing = findMenuItem("a glass of red wine");
    assert.ok(!nothing.ok && nothing.code === "unknown_item");
    assert.deepEqual(nothing.suggestions, [], "no far-fetched suggestions");
    assert.match(nothing.message, /menu/);
  });

  it("finds every drink by its name, id and plural, and never throws on any text (property)", () => {
    for (const item of MENU) {
      for (const query of [item.name, item.id, `${item.name}s`, item.name.toUpperCase()]) {
        const result = findMenuItem(query);
        assert.ok(result.ok && result.item.id === item.id, query);
      }
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const result = findMenuItem(text);
        assert.equal(typeof result.ok, "boolean");
        if (!result.ok) assert.ok(result.message.length > 0 && result.suggestions.length <= 7);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses empty, non-string and overlong queries without throwing", () => {
    for (const query of ["", "   ", 42, null, undefined, "martini ".repeat(50)]) {
      const result = findMenuItem(query);
      assert.ok(!result.ok && result.code === "unknown_item", String(query));
    }
  });
});

describe("recommend", () => {
  it("suggests drinks for each mood", () => {
    const names = (mood: string) => {
      const result = recommend(mood);
      assert.ok(result.ok, mood);
      return result.items.map((i) => i.name);
    };
    assert.deepEqual(names("classy"), ["Martini", "Manhattan", "Old Fashioned"]);
    assert.deepEqual(names("I want to sober up"), ["Water", "Iced Tea", "Lemonade"]);
    assert.ok(names("something fruity").includes("Daiquiri"));
    assert.ok(names("STRONG").includes("Long Island"));
    assert.ok(names("burning").includes("Whiskey"));
  });

  it("offers the known moods for an unknown one", () => {
    const result = recommend("melancholic");
    assert.ok(!result.ok && result.code === "unknown_mood");
    assert.equal(result.moods.length, 5);
  });
});
