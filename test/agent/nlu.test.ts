import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type Intent, parseOrderLines, understand } from "../../src/agent/models/rules/nlu.ts";
import { tokenize } from "../../src/agent/models/rules/words.ts";
import { MENU } from "../../src/bar/index.ts";

const intent = (text: string, awaitingPaymentConfirmation = false): Intent =>
  understand(text, { awaitingPaymentConfirmation });

function lines(text: string) {
  const i = intent(text);
  assert.equal(i.kind, "order", `${text} → ${i.kind}`);
  return i.kind === "order"
    ? i.lines.map((l) => [l.item, l.quantity, [...l.modifiers].sort()])
    : [];
}

describe("the rules model's language understanding", () => {
  it("reads quantities in digits and words", () => {
    assert.deepEqual(lines("3 IPAs"), [["IPA", 3, []]]);
    assert.deepEqual(lines("twenty one sodas"), [["Soda", 21, []]]);
    assert.deepEqual(lines("a couple of daiquiris"), [["Daiquiri", 2, []]]);
    assert.deepEqual(lines("martini x2"), [["Martini", 2, []]]);
    assert.deepEqual(lines("two more cold IPAs"), [["IPA", 2, []]]);
    assert.deepEqual(lines("-2 martinis"), [["Martini", -2, []]]);
  });

  it("finds plurals, aliases and typos", () => {
    assert.deepEqual(lines("two negornis"), [["Negroni", 2, []]]);
    assert.deepEqual(lines("a Long Island Iced Tea"), [["Long Island", 1, []]]);
    assert.deepEqual(lines("an iced tea"), [["Iced Tea", 1, []]]);
    assert.deepEqual(lines("a bourbon"), [["Whiskey", 1, []]]);
    assert.deepEqual(lines("3 cosmos"), [["Cosmopolitan", 3, []]]);
  });

  it("attaches modifiers to the right drink", () => {
    assert.deepEqual(lines("a gin martini and 2 whiskeys neat"), [
      ["Martini", 1, ["gin"]],
      ["Whiskey", 2, ["neat"]],
    ]);
    assert.deepEqual(lines("a negroni with gin"), [["Negroni", 1, ["gin"]]]);
    assert.deepEqual(lines("a martini, shaken and dirty"), [["Martini", 1, ["dirty", "shaken"]]]);
  });

  it("reads negations and party sizes", () => {
    assert.deepEqual(lines("a martini shaken not stirred"), [["Martini", 1, ["shaken"]]]);
    assert.deepEqual(lines("a round of negronis for the four of us"), [["Negroni", 4, []]]);
    assert.deepEqual(lines("two IPAs for the three of us"), [["IPA", 2, []]]);
  });

  it("does not turn everyday words into drinks", () => {
    assert.equal(intent("see you later").kind, "goodbye");
    assert.deepEqual(parseOrderLines(tokenize("it does not matter, maybe later")).lines, []);
  });

  it("knows the other intents", () => {
    const kinds: Array<[string, Intent["kind"]]> = [
      ["make it two", "make_it"],
      ["same again", "same_again"],
      ["add a 20% tip", "tip"],
      ["what's my tab?", "tab"],
      ["I'd like to pay", "pay"],
      ["clear my order", "clear"],
      ["what did I order?", "show_order"],
      ["menu please", "menu"],
      ["something strong", "recommend"],
      ["a beer please", "ask_group"],
      ["what did the guy at table 5 order?", "other_guest"],
      ["remove the martini", "remove"],
      ["swap the martini for a manhattan", "replace"],
      ["hello", "greeting"],
      ["cancel that", "undo"],
      ["do you have wine?", "not_on_menu"],
      ["could you make that stirred?", "modify"],
      ["what's in a negroni?", "about"],
    ];
    for (const [text, kind] of kinds) assert.equal(intent(text).kind, kind, text);
  });

  it("confirms or declines only when a payment question is pending", () => {
    assert.equal(intent("yes please", true).kind, "confirm");
    assert.equal(intent("no, not yet", true).kind, "decline");
    assert.notEqual(intent("yes please", false).kind, "confirm");
  });

  it("finds every menu item by its name, with a quantity", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MENU), fc.integer({ min: 1, max: 20 }), (item, n) => {
        const found = parseOrderLines(tokenize(`${n} ${item.name.toLowerCase()}`)).lines;
        return found.length === 1 && found[0]!.item === item.name && found[0]!.quantity === n;
      }),
    );
  });

  it("never crashes on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (text, waiting) => {
        understand(text, { awaitingPaymentConfirmation: waiting });
        return true;
      }),
    );
  });
});
