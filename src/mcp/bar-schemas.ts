import { z } from "zod";

/**
 * Output schemas of the bar tools as MCP clients see them: the agent's tool
 * results without their `ok` flag (failures become tool errors). Money is
 * integer cents. Results are parsed through these before they are sent, so
 * a client never receives a field its schema does not announce.
 */

const cents = z.number().int();

export const orderLineSchema = z.object({
  item: z.string(),
  quantity: z.number().int().min(1),
  modifiers: z.array(z.string()),
  unitCents: cents,
  lineCents: cents,
});

/** The session's state, as in the HTTP API. */
export const barStateSchema = z.object({
  order: z.array(orderLineSchema),
  tabCents: cents.describe("sum of the order lines"),
  balanceCents: cents.describe("what is left of the guest's balance"),
  tipPercent: z.number().int().nullable(),
  tipCents: cents,
  totalCents: cents.describe("tab + tip: what a payment charges"),
  paymentStatus: z.string().describe("pending, processing, completed or failed"),
  version: z.number().int().describe("bumped by every change"),
});

const drinkSchema = z.object({ name: z.string(), priceCents: cents });
const withState = { state: barStateSchema };

export const barOutputSchemas = {
  get_menu: z.object({
    categories: z.array(z.object({ title: z.string(), items: z.array(drinkSchema) })),
    modifiers: z.array(z.string()),
  }),
  recommend: z.object({ mood: z.string(), items: z.array(drinkSchema) }),
  add_to_order: z.object({
    added: z.object({
      item: z.string(),
      quantity: z.number().int(),
      modifiers: z.array(z.string()),
      chargedCents: cents,
    }),
    ...withState,
  }),
  remove_from_order: z.object({
    removed: z.object({ item: z.string(), quantity: z.number().int(), refundedCents: cents }),
    ...withState,
  }),
  show_order: z.object(withState),
  clear_order: z.object(withState),
  set_tip: z.object(withState),
  show_tab: z.object(withState),
  create_payment: z.object({
    url: z.string().describe("the checkout page to open"),
    simulated: z.boolean().describe("true for Maya's mock checkout (no real money)"),
    amountCents: cents,
    ...withState,
  }),
  payment_status: z.object({
    status: z
      .string()
      .describe("the payment link's status: none, pending, succeeded, failed or expired"),
    ...withState,
  }),
} as const;

export type BarToolName = keyof typeof barOutputSchemas;
