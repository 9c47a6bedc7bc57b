import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { BarToolName } from "./bar-schemas.ts";

/**
 * What MCP clients read about each bar tool. Fixed, reviewed strings: nothing
 * a guest or a tool result says ever becomes part of a description.
 */
export interface BarToolText {
  title: string;
  description: string;
  annotations: ToolAnnotations;
}

const readOnly: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };
const write: ToolAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  openWorldHint: false,
};

export const BAR_TOOL_TEXT: Record<BarToolName, BarToolText> = {
  get_menu: {
    title: "Menu",
    description:
      "The bar's menu: every drink with its price in cents, by category, and the preparation options.",
    annotations: { ...readOnly, idempotentHint: true },
  },
  recommend: {
    title: "Recommend drinks",
    description: "Drinks that suit a mood: sobering, classy, fruity, strong or burning.",
    annotations: { ...readOnly, idempotentHint: true },
  },
  add_to_order: {
    title: "Add to order",
    description:
      "Orders 1 to 20 of one drink (optionally with preparation modifiers such as shaken or on the rocks). The price moves from this session's balance to its tab. Returns what was added and the fresh state.",
    annotations: write,
  },
  remove_from_order: {
    title: "Remove from order",
    description:
      "Takes drinks off the order and refunds their price to the balance; without a quantity, removes all of that drink. Returns the fresh state.",
    annotations: write,
  },
  show_order: {
    title: "Show order",
    description: "The current order with tab, tip, total and balance.",
    annotations: { ...readOnly, idempotentHint: true },
  },
  clear_order: {
    title: "Clear order",
    description: "Removes every drink from the order and refunds it to the balance.",
    annotations: { ...write, destructiveHint: true, idempotentHint: true },
  },
  set_tip: {
    title: "Set tip",
    description:
      "Sets the tip to 10, 15 or 20 percent of the tab, or null for none. Choosing the current percent again removes the tip.",
    annotations: write,
  },
  show_tab: {
    title: "Show tab",
    description:
      "The tab, tip, total to pay and remaining balance. Call it and tell your user the total before create_payment.",
    // Remembers the quoted total (create_payment checks it), so not strictly read-only.
    annotations: { ...write, idempotentHint: true },
  },
  create_payment: {
    title: "Create payment",
    description:
      "Creates the payment link for the total. Only after your user confirmed the exact total that show_tab returned; pass that total as confirmedTotalCents. Returns the checkout URL.",
    annotations: { ...write, openWorldHint: true },
  },
  payment_status: {
    title: "Payment status",
    description: "Whether this session's payment has gone through.",
    annotations: { ...readOnly, openWorldHint: true },
  },
};
