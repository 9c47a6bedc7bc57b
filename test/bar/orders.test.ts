import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type BarState,
  checkBarState,
  clearOrder,
  initialBarState,
  orderItem,
  publicState,
  removeItem,
  setTip,
  toggleTip,
} from "../../src/bar/index.ts";

function ordered(
  state: BarState,
  item: string,
  quantity?: unknown,
  modifiers?: unknown[],
): BarState {
  const result = orderItem(state, { item, quantity, modifiers });
  assert.ok(result.ok, result.ok ? "" : result.message);
  return result.state;
}

describe("ordering", () => {
  it("debits the balance and adds to the tab", () => {
    const state = ordered(initialBarState(), "Martini", 2);
    assert.equal(state.tabCents, 2600);
    assert.equal(state.balanceCents, 97_400);
    assert.deepEqual(publicState(state, 1), {
      order: [{ item: "Martini", quantity: 2, modifiers: [], unitCents: 1300, lineCents: 2600 }],
      tabCents: 2600,
      balanceCents: 97_400,
      tipPercent: null,
      tipCents: 0,
      totalCents: 2600,
      paymentStatus: "pending",
      version: 1,
    });
  });

  it("merges the same drink with the same modifiers into one line", () => {
    let state = ordered(initialBarState(), "martini", 1, ["Shaken", "vodka"]);
    state = ordered(state, "Martinis", 2, ["vodka", "shaken"]);
    state = ordered(state, "martini", 1, ["stirred"]);
    assert.deepEqual(
      state.lines.map((l) => [l.quantity, l.modifiers]),
      [
        [3, ["shaken", "vodka"]],
        [1, ["stirred"]],
      ],
    );
  });

  it("normalises modifier synonyms and refuses ones that do not fit the drink", () => {
    const state = ordered(initialBarState(), "whiskey", 1, ["rocks", "chaser"]);
    assert.deepEqual(state.lines[0]!.modifiers, ["on the rocks", "with a chaser"]);
    for (const [item, modifiers] of [
      ["IPA", ["shaken"]],
      ["martini", ["shaken", "stirred"]],
      ["whiskey", ["neat", "on the rocks"]],
      ["negroni", ["gin", "vodka"]],
      ["martini", ["flaming"]],
      ["martini", [42]],
    ] as const) {
      const result = orderItem(initialBarState(), { item, modifiers: [...modifiers] });
      assert.ok(!result.ok && result.code === "invalid_modifier", `${item} ${modifiers.join(",")}`);
    }
  });

  it("refuses bad quantities with a clear sentence and changes nothing", () => {
    const before = ordered(initialBarState(), "IPA");
    const snapshot = structuredClone(before);
    for (const quantity of [0, -1, 1.5, 21, 1e9, Number.NaN, Number.POSITIVE_INFINITY, "2", null]) {
      const result = orderItem(before, { item: "IPA", quantity });
      assert.ok(!result.ok, String(quantity));
      assert.equal(result.code, "invalid_quantity");
      assert.match(result.message, /whole number|between 1 and 20/);
    }
    assert.deepEqual(before, snapshot);
  });

  it("caps a line at 20 of one drink", () => {
    const state = ordered(initialBarState(), "water", 18);
    const result = orderItem(state, { item: "water", quantity: 3 });
    assert.ok(!result.ok && result.code === "invalid_quantity");
    assert.match(result.message, /at most 20/);
  });

  it("refuses a missing request instead of throwing", () => {
    for (const request of [null, undefined, "martini"]) {
      const ordered = orderItem(initialBarState(), request as never);
      assert.ok(!ordered.ok && ordered.code === "unknown_item");
      const removed = removeItem(initialBarState(), request as never);
      assert.ok(!removed.ok && removed.code === "unknown_item");
    }
  });

  it("refuses unknown and ambiguous items with suggestions", () => {
    const unknown = orderItem(initialBarState(), { item: "pina colada" });
    assert.ok(!unknown.ok && unknown.code === "unknown_item");
    const beer = orderItem(initialBarState(), { item: "beer", quantity: 2 });
    assert.ok(!beer.ok && beer.code === "ambiguous");
    assert.equal(beer.suggestions?.length, 3);
  });

  it("refuses an order the balance cannot cover", () => {
    let state = initialBarState();
    // 76 × 13.00 = 988.00 leaves 12.00.
    for (let i = 0; i < 3; i++)
      state = ordered(state, "martini", 20, [["shaken"], ["stirred"], ["dry"]][i]);
    state = ordered(state, "martini", 16, ["dirty"]);
    assert.equal(state.balanceCents, 1200);
    const result = orderItem(state, { item: "martini" });
    assert.ok(!result.ok && result.code === "insufficient_funds");
    assert.match(result.message, /\$13\.00.*\$12\.00/);
    state = ordered(state, "long island");
    assert.equal(state.balanceCents, 0);
  });
});

describe("removing and clearing", () => {
  it("returns removed drinks to the balance, newest lines first", () => {
    let state = ordered(initialBarState(), "martini", 2, ["shaken"]);
    state = ordered(state, "martini", 1, ["stirred"]);
    const result = removeItem(state, { item: "martinis", quantity: 2 });
    assert.ok(result.ok);
    assert.equal(result.refundedCents, 2600);
    assert.deepEqual(
      result.state.lines.map((l) => [l.quantity, l.modifiers]),
      [[1, ["shaken"]]],
    );
    assert.equal(result.state.balanceCents, 100_000 - 1300);
  });

  it("refuses to remove what is not there", () => {
    const state = ordered(initialBarState(), "gin");
    const none = removeItem(state, { item: "rum" });
    assert.ok(!none.ok && none.code === "not_in_order");
    const tooMany = removeItem(state, { item: "gin", quantity: 2 });
    assert.ok(!tooMany.ok && tooMany.code === "invalid_quantity");
  });

  it("clears the order back into the balance", () => {
    const state = ordered(ordered(initialBarState(), "gin", 3), "soda");
    const result = clearOrder(state);
    assert.ok(result.ok);
    assert.equal(result.refundedCents, 2700);
    assert.equal(result.state.balanceCents, 100_000);
    assert.equal(result.state.tabCents, 0);
  });
});

describe("tips", () => {
  it("sets, toggles off and follows the tab", () => {
    let state = ordered(initialBarState(), "negroni"); // 11.00
    const set = toggleTip(state, 15);
    assert.ok(set.ok);
    state = set.state;
    assert.equal(publicState(state, 0).tipCents, 165);
    state = ordered(state, "daiquiri"); // tab 21.00
    assert.equal(publicState(state, 0).tipCents, 315);
    assert.equal(publicState(state, 0).totalCents, 2415);
    const off = toggleTip(state, 15);
    assert.ok(off.ok && off.state.tipPercent === null);
    const other = setTip(state, 20);
    assert.ok(other.ok && other.state.tipPercent === 20);
  });

  it("refuses other percentages", () => {
    for (const percent of [5, 12.5, "10", -10, 100]) {
      const result = setTip(initialBarState(), percent);
      assert.ok(!result.ok && result.code === "invalid_tip", String(percent));
    }
  });
});

describe("state schema", () => {
  it("accepts the initial state and names the field of a violation", () => {
    assert.ok(checkBarState(initialBarState()).ok);
    const negative = { ...initialBarState(), balanceCents: -1 };
    const result = checkBarState(negative);
    assert.ok(!result.ok && result.field === "balanceCents");
    const badStatus = initialBarState() as unknown as { payment: { status: string } };
    badStatus.payment.status = "refunded";
    const status = checkBarState(badStatus);
    assert.ok(!status.ok && status.field === "payment.status");
    const tab = { ...ordered(initialBarState(), "gin"), tabCents: 1 };
    const mismatch = checkBarState(tab);
    assert.ok(!mismatch.ok && mismatch.field === "tabCents");
  });
});
