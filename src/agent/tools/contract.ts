import type { PublicState } from "../../bar/index.ts";

/**
 * Names and result shapes of Maya's tools. Shared by the tool implementations,
 * the rules model (which reads results like a real model would) and tests.
 */
export const TOOL = {
  getMenu: "get_menu",
  recommend: "recommend",
  addToOrder: "add_to_order",
  removeFromOrder: "remove_from_order",
  showOrder: "show_order",
  clearOrder: "clear_order",
  setTip: "set_tip",
  showTab: "show_tab",
  createPayment: "create_payment",
  paymentStatus: "payment_status",
} as const;

export type ToolName = (typeof TOOL)[keyof typeof TOOL];

/** An expected failure the model should explain to the guest. */
export interface ToolFailure {
  ok: false;
  code: string;
  message: string;
  suggestions?: string[];
}

export interface Drink {
  name: string;
  priceCents: number;
}

export type MenuToolResult = {
  ok: true;
  categories: Array<{ title: string; items: Drink[] }>;
  modifiers: string[];
};
export type RecommendToolResult = { ok: true; mood: string; items: Drink[] } | ToolFailure;
export type AddToolResult =
  | {
      ok: true;
      added: { item: string; quantity: number; modifiers: string[]; chargedCents: number };
      state: PublicState;
    }
  | ToolFailure;
export type RemoveToolResult =
  | {
      ok: true;
      removed: { item: string; quantity: number; refundedCents: number };
      state: PublicState;
    }
  | ToolFailure;
export type StateToolResult = { ok: true; state: PublicState } | ToolFailure;
export type PaymentToolResult =
  | { ok: true; url: string; simulated: boolean; amountCents: number; state: PublicState }
  | ToolFailure;
export type PaymentStatusToolResult =
  | { ok: true; status: string; state: PublicState }
  | ToolFailure;
