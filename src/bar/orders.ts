import { findMenuItem } from "./lookup.ts";
import type { MenuItem } from "./menu.ts";
import { normalizeModifiers } from "./modifiers.ts";
import { formatCents, isTipPercent, type TipPercent, toggledTip } from "./money.ts";
import { type BarError, barError } from "./results.ts";
import {
  type BarState,
  MAX_ORDER_LINES,
  MAX_QUANTITY_PER_LINE,
  type OrderLine,
  sumLines,
} from "./state.ts";

/** Pure order operations: each returns a new state or a typed error and leaves the input untouched. */

export interface OrderRequest {
  /** A drink as a guest names it, or its menu id. */
  item: string;
  /** Whole number 1..20; defaults to 1. */
  quantity?: unknown;
  modifiers?: readonly unknown[];
}

export type OrderResult =
  | { ok: true; state: BarState; item: MenuItem; line: OrderLine; chargedCents: number }
  | BarError;

export type RemoveResult =
  | { ok: true; state: BarState; item: MenuItem; removed: number; refundedCents: number }
  | BarError;

export type TipResult = { ok: true; state: BarState; tipPercent: TipPercent | null } | BarError;

export function checkQuantity(quantity: unknown): { ok: true; quantity: number } | BarError {
  if (quantity === undefined) return { ok: true, quantity: 1 };
  if (typeof quantity !== "number" || !Number.isFinite(quantity)) {
    return barError(
      "invalid_quantity",
      `How many would you like? Please give a whole number from 1 to ${MAX_QUANTITY_PER_LINE}.`,
    );
  }
  if (!Number.isInteger(quantity)) {
    return barError(
      "invalid_quantity",
      "I can only pour whole drinks; please give a whole number.",
    );
  }
  if (quantity < 1 || quantity > MAX_QUANTITY_PER_LINE) {
    return barError(
      "invalid_quantity",
      `Please order between 1 and ${MAX_QUANTITY_PER_LINE} of a drink at a time.`,
    );
  }
  return { ok: true, quantity };
}

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/** While a payment link is out, the amount must not change under it. */
function lockedByPayment(state: BarState): BarError | undefined {
  if (state.payment.status === "processing") {
    return barError(
      "payment_in_progress",
      "Your payment is in progress; let's finish it before changing the tab.",
    );
  }
  return undefined;
}

/**
 * After a completed payment the next change starts a new tab; after a failed
 * one the stale attempt is dropped so its link can never pay a different amount.
 */
function openForChanges(state: BarState): BarState {
  const { payment } = state;
  if (payment.status === "completed") {
    return {
      ...state,
      payment: { ...payment, status: "pending", attempt: null, failureReason: null },
    };
  }
  if (payment.status === "failed" && payment.attempt) {
    return { ...state, payment: { ...payment, attempt: null } };
  }
  return state;
}

/** Orders a drink: the price times the quantity moves from the balance to the tab. */
export function orderItem(state: BarState, request: OrderRequest): OrderResult {
  const locked = lockedByPayment(state);
  if (locked) return locked;
  if (typeof request !== "object" || request === null) {
    return barError("unknown_item", "Which drink would you like?");
  }
  const found = findMenuItem(request.item);
  if (!found.ok) {
    return barError(found.code, found.message, { suggestions: found.suggestions });
  }
  const { item } = found;
  const count = checkQuantity(request.quantity);
  if (!count.ok) return count;
  const mods = normalizeModifiers(item, request.modifiers ?? []);
  if (!mods.ok) return barError(mods.code, mods.message);

  const cost = item.priceCents * count.quantity;
  if (cost > state.balanceCents) {
    return barError(
      "insufficient_funds",
      `${count.quantity} × ${item.name} costs ${formatCents(cost)}, but your balance is ${formatCents(state.balanceCents)}.`,
    );
  }
  const index = state.lines.findIndex(
    (line) =>
      line.itemId === item.id &&
      line.unitCents === item.priceCents &&
      sameModifiers(line.modifiers, mods.modifiers),
  );
  const existing = index >= 0 ? state.lines[index] : undefined;
  if (existing && existing.quantity + count.quantity > MAX_QUANTITY_PER_LINE) {
    return barError(
      "invalid_quantity",
      `You already have ${existing.quantity} × ${item.name}; one line holds at most ${MAX_QUANTITY_PER_LINE}.`,
    );
  }
  if (!existing && state.lines.length >= MAX_ORDER_LINES) {
    return barError(
      "too_many_lines",
      `Your order already has ${MAX_ORDER_LINES} different drinks; let's settle this tab first.`,
    );
  }
  const line: OrderLine = existing
    ? { ...existing, quantity: existing.quantity + count.quantity }
    : {
        itemId: item.id,
        name: item.name,
        quantity: count.quantity,
        modifiers: mods.modifiers,
        unitCents: item.priceCents,
      };
  const open = openForChanges(state);
  const lines = existing
    ? open.lines.map((l, i) => (i === index ? line : l))
    : [...open.lines, line];
  return {
    ok: true,
    item,
    line,
    chargedCents: cost,
    state: {
      ...open,
      lines,
      tabCents: sumLines(lines),
      balanceCents: open.balanceCents - cost,
    },
  };
}

export interface RemoveRequest {
  item: string;
  /** How many to take off; defaults to all of that drink. */
  quantity?: unknown;
  /** When given, only lines with exactly these modifiers. */
  modifiers?: readonly unknown[];
}

/** Takes drinks off the tab (latest lines first) and returns their price to the balance. */
export function removeItem(state: BarState, request: RemoveRequest): RemoveResult {
  const locked = lockedByPayment(state);
  if (locked) return locked;
  if (typeof request !== "object" || request === null) {
    return barError("unknown_item", "Which drink should I take off your tab?");
  }
  const found = findMenuItem(request.item);
  if (!found.ok) return barError(found.code, found.message, { suggestions: found.suggestions });
  const { item } = found;
  let wanted: string[] | undefined;
  if (request.modifiers !== undefined && request.modifiers.length > 0) {
    const mods = normalizeModifiers(item, request.modifiers);
    if (!mods.ok) return barError(mods.code, mods.message);
    wanted = mods.modifiers;
  }
  const matches = (line: OrderLine) =>
    line.itemId === item.id && (wanted === undefined || sameModifiers(line.modifiers, wanted));
  const have = state.lines.filter(matches).reduce((n, line) => n + line.quantity, 0);
  if (have === 0) {
    return barError("not_in_order", `There is no ${item.name} on your tab to remove.`);
  }
  let toRemove = have;
  if (request.quantity !== undefined) {
    const count = checkQuantity(request.quantity);
    if (!count.ok) return count;
    if (count.quantity > have) {
      return barError(
        "invalid_quantity",
        `You only have ${have} × ${item.name} on your tab, so I can't remove ${count.quantity}.`,
      );
    }
    toRemove = count.quantity;
  }
  const open = openForChanges(state);
  let left = toRemove;
  let refunded = 0;
  const lines: OrderLine[] = [];
  for (const line of [...open.lines].reverse()) {
    if (left > 0 && matches(line)) {
      const take = Math.min(left, line.quantity);
      left -= take;
      refunded += take * line.unitCents;
      if (line.quantity > take) lines.push({ ...line, quantity: line.quantity - take });
    } else {
      lines.push(line);
    }
  }
  lines.reverse();
  return {
    ok: true,
    item,
    removed: toRemove,
    refundedCents: refunded,
    state: {
      ...open,
      lines,
      tabCents: sumLines(lines),
      balanceCents: open.balanceCents + refunded,
    },
  };
}

/** Empties the order; every drink's price goes back to the balance. */
export function clearOrder(
  state: BarState,
): { ok: true; state: BarState; refundedCents: number } | BarError {
  const locked = lockedByPayment(state);
  if (locked) return locked;
  if (state.lines.length === 0) return { ok: true, state, refundedCents: 0 };
  const open = openForChanges(state);
  return {
    ok: true,
    refundedCents: open.tabCents,
    state: { ...open, lines: [], tabCents: 0, balanceCents: open.balanceCents + open.tabCents },
  };
}

/** Sets the tip to 10, 15 or 20 percent of the tab, or none (null). */
export function setTip(state: BarState, percent: unknown): TipResult {
  if (percent !== null && !isTipPercent(percent)) {
    return barError("invalid_tip", "Tips are 10, 15 or 20 percent, or no tip.");
  }
  const locked = lockedByPayment(state);
  if (locked) return locked;
  const open = state.payment.status === "failed" ? openForChanges(state) : state;
  return { ok: true, tipPercent: percent, state: { ...open, tipPercent: percent } };
}

/** Choosing the tip that is already set removes it. */
export function toggleTip(state: BarState, percent: unknown): TipResult {
  if (!isTipPercent(percent)) return barError("invalid_tip", "Tips are 10, 15 or 20 percent.");
  return setTip(state, toggledTip(state.tipPercent, percent));
}
