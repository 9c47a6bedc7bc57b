import type { PublicState } from "../../../bar/index.ts";
import { TOOL } from "../../tools/contract.ts";
import type { Dialogue, ResultRecord } from "./dialogue.ts";
import { type Intent, type OrderLine, understand } from "./nlu.ts";
import {
  AWAITING_CONFIRMATION,
  CONFIRM_QUESTION,
  drinkPhrase,
  failureText,
  latestState,
  listWords,
  money,
  orderLine,
  smallTalk,
  stateOf,
  tabLine,
  tagged,
} from "./replies.ts";

/**
 * The rules model's decisions: from the guest's message and this turn's tool
 * results so far, either the next tool calls or the final reply. Each intent
 * is a tiny script, so the same message always makes the same calls.
 */

export interface PlannedCall {
  toolName: string;
  input: Record<string, unknown>;
}

export type Plan = { kind: "tools"; calls: PlannedCall[] } | { kind: "reply"; text: string };

const MAX_LINES_PER_TURN = 8;
const SURPRISE_MOODS = ["classy", "fruity", "strong", "burning"] as const;

/**
 * "gimme 2 beers" → "Which beer?" → "IPA": the answer keeps the number the
 * guest asked for.
 */
function withAnsweredQuantity(d: Dialogue, lines: OrderLine[]): OrderLine[] {
  if (lines.length !== 1 || !lines[0]!.implicit || !/\bWhich\b/.test(d.lastReply)) return lines;
  const before = understand(d.previousUserText, { awaitingPaymentConfirmation: false });
  if (before.kind !== "ask_group" || before.quantity <= 1) return lines;
  return [{ ...lines[0]!, quantity: before.quantity }];
}
const tools = (...calls: PlannedCall[]): Plan => ({ kind: "tools", calls });
const reply = (text: string): Plan => ({ kind: "reply", text });

function seedOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

function addCall(line: OrderLine): PlannedCall {
  return {
    toolName: TOOL.addToOrder,
    input: { item: line.item, quantity: line.quantity, modifiers: line.modifiers },
  };
}

function reorderOffer(d: Dialogue): string {
  return d.phase === "reorder_prompt" ? " Can I pour you another round while we talk?" : "";
}

/** Describes every order change of this turn, successes first, then what went wrong. */
function describeChanges(d: Dialogue): { text: string; anyOk: boolean; anyFailed: boolean } {
  const done: string[] = [];
  const problems: string[] = [];
  d.results.forEach((result, index) => {
    const input =
      d.calls.find((c) => c.toolCallId === result.toolCallId)?.input ?? d.calls[index]?.input;
    const value = result.value;
    if (value?.ok === true && result.toolName === TOOL.addToOrder) {
      const added = value.added as { item: string; quantity: number; modifiers: string[] };
      done.push(`${drinkPhrase(added.item, added.quantity, added.modifiers)} coming up`);
    } else if (value?.ok === true && result.toolName === TOOL.removeFromOrder) {
      const removed = value.removed as { item: string; quantity: number };
      done.push(`took ${drinkPhrase(removed.item, removed.quantity)} off your order`);
    } else if (
      value?.ok !== true &&
      (result.toolName === TOOL.addToOrder || result.toolName === TOOL.removeFromOrder)
    ) {
      problems.push(failureText(result, input));
    }
  });
  const first = done.length > 0 ? `${capitalise(listWords(done))}.` : "";
  return {
    text: [first, ...problems].filter(Boolean).join(" "),
    anyOk: done.length > 0,
    anyFailed: problems.length > 0,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function orderReply(d: Dialogue): Plan {
  const { text, anyOk, anyFailed } = describeChanges(d);
  const state = latestState(d.results);
  if (anyOk && state) {
    return reply(tagged(anyFailed ? "flustered" : "mixing", `${text} ${tabLine(state)}`));
  }
  const asking = d.results.every((r) => r.value?.code === "ambiguous");
  return reply(
    tagged(asking ? "thinking" : "flustered", text || "Sorry, I couldn't change your order."),
  );
}

function findLine(state: PublicState | null, item: string, modifiers: string[]) {
  const wanted = [...modifiers].sort().join(",");
  return (
    state?.order.find((l) => l.item === item && [...l.modifiers].sort().join(",") === wanted) ??
    state?.order.find((l) => l.item === item)
  );
}

function planMakeIt(d: Dialogue, quantity: number): Plan {
  const last = d.lastRound.at(-1);
  if (!last) return reply(tagged("thinking", "Make what, love? Tell me which drink and how many."));
  if (d.results.length === 0) return tools({ toolName: TOOL.showOrder, input: {} });
  if (d.results.length === 1) {
    const line = findLine(stateOf(d.results[0]), last.item, last.modifiers);
    const current = line?.quantity ?? 0;
    if (quantity === current)
      return reply(
        tagged("happy", `You already have ${drinkPhrase(last.item, quantity, last.modifiers)}.`),
      );
    if (quantity > current) {
      return tools({
        toolName: TOOL.addToOrder,
        input: {
          item: last.item,
          quantity: quantity - current,
          modifiers: line?.modifiers ?? last.modifiers,
        },
      });
    }
    if (quantity < 1) {
      return tools({
        toolName: TOOL.removeFromOrder,
        input: { item: last.item, modifiers: line?.modifiers ?? last.modifiers },
      });
    }
    return tools({
      toolName: TOOL.removeFromOrder,
      input: {
        item: last.item,
        quantity: current - quantity,
        modifiers: line?.modifiers ?? last.modifiers,
      },
    });
  }
  return orderReply({ ...d, results: d.results.slice(1), calls: d.calls.slice(1) });
}

/** Preparations that replace each other: a new one drops the old one of its group. */
const EXCLUSIVE_GROUPS = [
  ["shaken", "stirred"],
  ["neat", "on the rocks"],
  ["vodka", "tequila", "gin", "whiskey", "rum", "brandy"],
];

function mergeModifiers(old: string[], added: string[]): string[] {
  const kept = old.filter(
    (m) => !added.some((a) => EXCLUSIVE_GROUPS.some((g) => g.includes(a) && g.includes(m))),
  );
  return [...new Set([...kept, ...added])];
}

/**
 * "make that stirred": take the drink off, pour it the new way, and if the new
 * way fails, put the original back. (Removing first matters: a removal without
 * modifiers matches any line of that drink.)
 */
function planModify(d: Dialogue, modifiers: string[]): Plan {
  const last = d.lastRound.at(-1);
  if (!last)
    return reply(
      tagged("thinking", "Which drink should I change? Tell me the drink and how you'd like it."),
    );
  if (d.results.length === 0) return tools({ toolName: TOOL.showOrder, input: {} });
  const line = findLine(stateOf(d.results[0]), last.item, last.modifiers);
  if (!line)
    return reply(
      tagged("thinking", `I don't see ${drinkPhrase(last.item, 1)} on your order any more.`),
    );
  const merged = mergeModifiers(line.modifiers, modifiers);
  const original = { item: line.item, quantity: line.quantity, modifiers: line.modifiers };
  if (d.results.length === 1) return tools({ toolName: TOOL.removeFromOrder, input: original });
  const removed = d.results[1]!;
  if (removed.value?.ok !== true)
    return reply(tagged("flustered", failureText(removed, d.calls[1]?.input)));
  if (d.results.length === 2) {
    return tools({ toolName: TOOL.addToOrder, input: { ...original, modifiers: merged } });
  }
  const added = d.results[2]!;
  if (added.value?.ok !== true) {
    if (d.results.length === 3) return tools({ toolName: TOOL.addToOrder, input: original });
    return reply(
      tagged(
        "flustered",
        `${failureText(added, d.calls[2]?.input)} I left your ${line.item} as it was.`,
      ),
    );
  }
  const state = latestState(d.results);
  const how = merged.length > 0 ? merged.join(", ") : "just as it comes";
  return reply(
    tagged(
      "mixing",
      `Done: ${drinkPhrase(line.item, line.quantity)}, ${how}.${state ? ` ${tabLine(state)}` : ""}`,
    ),
  );
}

const ABOUT: Record<string, string> = {
  Daiquiri: "white rum, fresh lime and a little sugar, shaken",
  Martini: "gin (or vodka) with dry vermouth, stirred, with an olive or a twist",
  "Long Island": "vodka, tequila, rum, gin and triple sec with lemon and a splash of cola",
  "Old Fashioned": "whiskey, a sugar cube and bitters, stirred over ice with orange peel",
  Negroni: "gin, Campari and sweet vermouth in equal parts",
  Cosmopolitan: "vodka, triple sec, cranberry and lime",
  Manhattan: "whiskey, sweet vermouth and bitters, stirred",
};

function aboutText(result: ResultRecord, names: string[]): string {
  const categories = result.value?.categories as
    | Array<{ title: string; items: Array<{ name: string; priceCents: number }> }>
    | undefined;
  const parts = names.map((name) => {
    const category = categories?.find((c) => c.items.some((i) => i.name === name));
    const item = category?.items.find((i) => i.name === name);
    if (!category || !item) return `I couldn't find ${name} on the menu.`;
    const recipe = ABOUT[name];
    return recipe
      ? `A ${name} is ${recipe}: ${money(item.priceCents)}.`
      : `${name} is on our ${category.title.toLowerCase()} list at ${money(item.priceCents)}.`;
  });
  return `${parts.join(" ")} Shall I make you one?`;
}

function planConfirm(d: Dialogue): Plan {
  if (d.results.length === 0) return tools({ toolName: TOOL.showTab, input: {} });
  if (d.results.length === 1) {
    const state = stateOf(d.results[0]);
    if (!state || state.totalCents <= 0)
      return reply(tagged("happy", "There's nothing to pay right now. Your tab is clear!"));
    return tools({
      toolName: TOOL.createPayment,
      input: { confirmedTotalCents: state.totalCents },
    });
  }
  const result = d.results[1]!;
  if (result.value?.ok === true) {
    const url = String(result.value.url);
    const simulated =
      result.value.simulated === true ? " (a practice checkout, no real money moves)" : "";
    return reply(
      tagged(
        "happy",
        `Here's your payment link for ${money(result.value.amountCents)}${simulated}: ${url} Thank you, it was a pleasure serving you!`,
      ),
    );
  }
  return reply(tagged("flustered", `${failureText(result, undefined)}`));
}

function planPay(d: Dialogue): Plan {
  if (d.results.length === 0) return tools({ toolName: TOOL.showTab, input: {} });
  const state = stateOf(d.results[0]);
  if (!state) return reply(tagged("flustered", failureText(d.results[0]!, undefined)));
  if (state.paymentStatus === "processing") {
    return reply(
      tagged(
        "thinking",
        "Your payment is already on its way. Ask me for the payment status any time.",
      ),
    );
  }
  if (state.totalCents <= 0)
    return reply(
      tagged("happy", "Your tab is clear, there's nothing to pay. Can I get you something?"),
    );
  const tip = state.tipPercent ? ` (${money(state.tabCents)} plus a ${state.tipPercent}% tip)` : "";
  return reply(
    tagged("thinking", `Your total comes to ${money(state.totalCents)}${tip}. ${CONFIRM_QUESTION}`),
  );
}

function stateReply(
  d: Dialogue,
  describe: (state: PublicState) => string,
  emotion: "happy" | "thinking" | "neutral" | "mixing",
): Plan {
  const result = d.results[0]!;
  const state = stateOf(result);
  if (!state) return reply(tagged("flustered", failureText(result, undefined)));
  return reply(tagged(emotion, describe(state)));
}

function planStep(intent: Intent, d: Dialogue): Plan {
  const first = d.results.length === 0;
  const seed = seedOf(d.userText);
  switch (intent.kind) {
    case "order":
      if (first)
        return tools(
          ...withAnsweredQuantity(d, intent.lines).slice(0, MAX_LINES_PER_TURN).map(addCall),
        );
      return orderReply(d);
    case "undo":
      if (d.lastRound.length === 0)
        return reply(tagged("thinking", "There's nothing to take back yet. What can I get you?"));
      if (first) {
        return tools(
          ...d.lastRound.map((line) => ({
            toolName: TOOL.removeFromOrder,
            input: { item: line.item, quantity: line.quantity, modifiers: line.modifiers },
          })),
        );
      }
      return orderReply(d);
    case "not_on_menu":
      return reply(
        tagged(
          "thinking",
          `Sorry, no ${intent.phrase} here. We pour cocktails, beer, spirits and soft drinks; ask for the menu to see them all.`,
        ),
      );
    case "replace": {
      if (!first) return orderReply(d);
      const removeItem = intent.remove ?? d.lastRound.at(-1)?.item ?? null;
      const last = d.lastRound.at(-1);
      const removal: PlannedCall[] = removeItem
        ? [
            {
              toolName: TOOL.removeFromOrder,
              input:
                intent.remove || !last
                  ? { item: removeItem }
                  : { item: last.item, quantity: last.quantity, modifiers: last.modifiers },
            },
          ]
        : [];
      return tools(...removal, ...intent.lines.slice(0, MAX_LINES_PER_TURN).map(addCall));
    }
    case "remove":
      if (first) {
        return tools(
          ...intent.targets.map((t) => ({
            toolName: TOOL.removeFromOrder,
            input: t.quantity === null ? { item: t.item } : { item: t.item, quantity: t.quantity },
          })),
        );
      }
      return orderReply(d);
    case "make_it":
      return planMakeIt(d, intent.quantity);
    case "same_again":
      if (d.lastRound.length === 0)
        return reply(
          tagged("thinking", "Same as what? You haven't ordered yet tonight. What can I get you?"),
        );
      if (first) return tools(...d.lastRound.map((line) => addCall(line)));
      return orderReply(d);
    case "clear":
      if (first) return tools({ toolName: TOOL.clearOrder, input: {} });
      return stateReply(d, (s) => `All cleared. ${tabLine(s)}`, "neutral");
    case "show_order":
      if (first) return tools({ toolName: TOOL.showOrder, input: {} });
      return stateReply(d, (s) => `${orderLine(s)} ${tabLine(s)}`, "happy");
    case "tab":
      if (first) return tools({ toolName: TOOL.showTab, input: {} });
      return stateReply(d, tabLine, "happy");
    case "tip":
      if (first) return tools({ toolName: TOOL.setTip, input: { percent: intent.percent } });
      return stateReply(
        d,
        (s) =>
          (s.tipPercent ? `A ${s.tipPercent}% tip it is, thank you! ` : "No tip on the tab. ") +
          tabLine(s),
        "happy",
      );
    case "pay":
      return planPay(d);
    case "confirm":
      return planConfirm(d);
    case "decline":
      return reply(
        tagged("neutral", "No problem, your tab stays open. Anything else I can get you?"),
      );
    case "payment_status":
      if (first) return tools({ toolName: TOOL.paymentStatus, input: {} });
      return stateReply(d, (s) => paymentStatusText(d.results[0]!, s), "thinking");
    case "menu":
      if (first) return tools({ toolName: TOOL.getMenu, input: {} });
      return reply(tagged("happy", menuText(d.results[0]!)));
    case "about":
      if (first) return tools({ toolName: TOOL.getMenu, input: {} });
      return reply(tagged("thinking", aboutText(d.results[0]!, intent.items)));
    case "modify":
      return planModify(d, intent.modifiers);
    case "price":
      if (first) return tools({ toolName: TOOL.getMenu, input: {} });
      return reply(tagged("thinking", priceText(d.results[0]!, intent.items)));
    case "recommend":
      if (intent.mood === null && intent.surprise) {
        const mood = SURPRISE_MOODS[seed % SURPRISE_MOODS.length]!;
        if (first) return tools({ toolName: TOOL.recommend, input: { mood } });
        return reply(tagged("thinking", recommendText(d.results[0]!)));
      }
      if (intent.mood === null) {
        return reply(
          tagged(
            "thinking",
            "Happy to help! Are you in the mood for something sobering, classy, fruity, strong or burning?",
          ),
        );
      }
      if (first) return tools({ toolName: TOOL.recommend, input: { mood: intent.mood } });
      return reply(tagged("thinking", recommendText(d.results[0]!)));
    case "ask_group":
      if (first)
        return tools({
          toolName: TOOL.addToOrder,
          input: { item: intent.group, quantity: 1, modifiers: [] },
        });
      return orderReply(d);
    case "other_guest":
      return reply(
        tagged(
          "neutral",
          "I only talk about your own tab, and other guests' orders stay private. What can I get you?",
        ),
      );
    case "greeting":
      return reply(
        tagged(
          "happy",
          d.phase === "greeting"
            ? "Welcome to MOK 5-ha! I'm Maya. What can I pour for you tonight? Ask for the menu or tell me your mood."
            : `Hey again! What can I get you?${reorderOffer(d)}`,
        ),
      );
    case "thanks":
      return reply(tagged("happy", `You're very welcome!${reorderOffer(d)}`));
    case "goodbye":
      return reply(tagged("happy", "Take care and get home safe! Come back soon."));
    case "small_talk":
      return reply(
        tagged(
          intent.topic === "feeling_down" ? "upset" : "happy",
          `${smallTalk(intent.topic, seed)}${reorderOffer(d)}`,
        ),
      );
    case "unknown":
      return reply(
        tagged(
          "flustered",
          "Sorry, I didn't catch that. You can order a drink, ask for the menu, or ask for a recommendation.",
        ),
      );
  }
}

function paymentStatusText(result: ResultRecord, state: PublicState): string {
  const status = result.value?.status;
  if (status === "succeeded" || state.paymentStatus === "completed")
    return "Your payment went through. Thank you!";
  if (status === "failed" || status === "expired")
    return "That payment didn't go through. Say \"pay\" and I'll make you a fresh link.";
  if (state.paymentStatus === "processing")
    return "Your payment is still open. Finish it on the checkout page and I'll see it.";
  return "There's no payment in progress. Say \"pay\" when you're ready to settle up.";
}

function menuText(result: ResultRecord): string {
  const categories = result.value?.categories as
    | Array<{ title: string; items: Array<{ name: string; priceCents: number }> }>
    | undefined;
  if (!categories) return "Our menu is a little shy right now. Ask me for anything classic!";
  const parts = categories.map(
    (c) => `${c.title}: ${c.items.map((i) => `${i.name} ${money(i.priceCents)}`).join(", ")}`,
  );
  return `Here's what we pour. ${parts.join(". ")}. Cocktails can be shaken or stirred, spirits neat or on the rocks.`;
}

function priceText(result: ResultRecord, names: string[]): string {
  const categories = result.value?.categories as
    | Array<{ items: Array<{ name: string; priceCents: number }> }>
    | undefined;
  const items = categories?.flatMap((c) => c.items) ?? [];
  const found = names.map((n) => items.find((i) => i.name === n)).filter((i) => i !== undefined);
  if (found.length === 0) return "I couldn't find that one on the menu.";
  return `${listWords(found.map((i) => `A ${i.name} is ${money(i.priceCents)}`))}. Want one?`;
}

function recommendText(result: ResultRecord): string {
  const value = result.value;
  if (value?.ok !== true) return failureText(result, undefined);
  const items = value.items as Array<{ name: string; priceCents: number }>;
  const names = items.map((i) => `${i.name} (${money(i.priceCents)})`);
  return `For something ${String(value.mood)}, I'd go with ${listWords(names)}. Shall I make you one?`;
}

/** The next step of the rules model for this dialogue. */
export function plan(d: Dialogue): Plan {
  const intent = understand(d.userText, {
    awaitingPaymentConfirmation: AWAITING_CONFIRMATION.test(d.lastReply),
  });
  // A safety net: never loop on tools.
  if (d.results.length >= 10)
    return reply(tagged("flustered", "Let me stop there. What would you like next?"));
  return planStep(intent, d);
}
