import { type ToolSet, tool } from "ai";
import { z } from "zod";
import {
  LIQUORS,
  MAX_QUANTITY_PER_LINE,
  MENU,
  type MenuItem,
  MODIFIERS,
  MOODS,
  menuByCategory,
  type PublicState,
  recommend,
  type TipPercent,
} from "../../bar/index.ts";
import type { Logger } from "../../config/index.ts";
import { requireSessionId, type SessionStore } from "../../state/index.ts";
import { isExplicitConfirmation } from "../confirmation.ts";
import type { MetricsHook } from "../metrics.ts";
import type { PaymentFlow } from "../payment-flow.ts";
import { errorSummary } from "../provider-errors.ts";
import { currentTurn } from "../turn-context.ts";
import { TOOL, type ToolFailure } from "./contract.ts";

/**
 * Maya's tools: the same zod-typed set for the chat agent and the MCP server.
 * Every tool reads the session from the session context (never from its
 * arguments), validates its input, and returns structured results with the
 * fresh state. Expected failures are `{ ok: false, code, message }`; an
 * unexpected one becomes a short safe error for the model, never internals.
 */

export interface BarToolDeps {
  store: SessionStore;
  payments: PaymentFlow;
  logger: Logger;
  onEvent: MetricsHook;
}

/** Notes in the conversation record that remember the total Maya quoted. */
export const QUOTE_NOTE = "quoteCents";
export const QUOTE_TURN_NOTE = "quoteTurn";
export const TURN_COUNTER = "turns";

const drinkName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe('The drink as on the menu, e.g. "Martini" or "IPA"');
const modifiers = z
  .array(z.string().trim().min(1).max(20))
  .max(4)
  .describe(
    `Preparation, e.g. ${["shaken", "on the rocks", "dirty", "with a chaser"].join(", ")}; for cocktails a base liquor (${LIQUORS.join(", ")})`,
  );

const fail = (code: string, message: string, suggestions?: readonly MenuItem[]): ToolFailure => ({
  ok: false,
  code,
  message,
  ...(suggestions && suggestions.length > 0 ? { suggestions: suggestions.map((s) => s.name) } : {}),
});

function menuResult() {
  return {
    ok: true as const,
    categories: menuByCategory().map((c) => ({
      title: c.title,
      items: c.items.map((i) => ({ name: i.name, priceCents: i.priceCents })),
    })),
    modifiers: [...MODIFIERS],
  };
}

export function createBarTools(deps: BarToolDeps): ToolSet {
  const { store, payments, logger, onEvent } = deps;

  /** Runs a tool body; an exception is logged and replaced by a safe sentence for the model. */
  function guarded<I, O>(name: string, body: (sessionId: string, input: I) => Promise<O>) {
    return async (input: I): Promise<O> => {
      const sessionId = requireSessionId();
      onEvent("agent_tool_calls", { tool: name });
      try {
        return await body(sessionId, input);
      } catch (error) {
        logger.error(
          { event: "agent.tool_error", tool: name, error: errorSummary(error) },
          "tool failed",
        );
        onEvent("agent_tool_errors", { tool: name });
        throw new Error(
          "The bar's system is having trouble right now; nothing was changed by this call.",
        );
      }
    };
  }

  async function stateOf(
    sessionId: string,
  ): Promise<
    { ok: true; state: PublicState; notes: Record<string, unknown>; turns: number } | ToolFailure
  > {
    const loaded = await store.load(sessionId);
    if (!loaded.ok) return fail(loaded.code, loaded.message);
    const { conversation } = loaded.session;
    return {
      ok: true,
      state: loaded.state,
      notes: conversation.notes,
      turns: conversation.counters[TURN_COUNTER] ?? 0,
    };
  }

  return {
    [TOOL.getMenu]: tool({
      description:
        "Show the bar's menu: every drink with its price in cents, by category, and the preparation options.",
      inputSchema: z.object({}),
      execute: guarded(TOOL.getMenu, async () => menuResult()),
    }),

    [TOOL.recommend]: tool({
      description: `Suggest drinks for a mood: ${MOODS.join(", ")}.`,
      inputSchema: z.object({ mood: z.enum(MOODS) }),
      execute: guarded(TOOL.recommend, async (_sessionId, { mood }: { mood: string }) => {
        const found = recommend(mood);
        if (!found.ok) return fail(found.code, found.message);
        return {
          ok: true as const,
          mood: found.mood,
          items: found.items.map((i) => ({ name: i.name, priceCents: i.priceCents })),
        };
      }),
    }),

    [TOOL.addToOrder]: tool({
      description: `Add drinks to the guest's order (1 to ${MAX_QUANTITY_PER_LINE} of one drink per call). The price moves from their balance to their tab.`,
      inputSchema: z.object({
        item: drinkName,
        quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE).default(1),
        modifiers: modifiers.default([]),
      }),
      execute: guarded(
        TOOL.addToOrder,
        async (sessionId, input: { item: string; quantity: number; modifiers: string[] }) => {
          const result = await store.orderItem(sessionId, input);
          if (!result.ok) return fail(result.code, result.message, result.suggestions);
          return {
            ok: true as const,
            added: {
              item: result.item.name,
              quantity: input.quantity,
              modifiers: [...result.line.modifiers],
              chargedCents: result.chargedCents,
            },
            state: result.state,
          };
        },
      ),
    }),

    [TOOL.removeFromOrder]: tool({
      description:
        "Take drinks off the guest's order and return their price to the balance. Without a quantity, removes all of that drink.",
      inputSchema: z.object({
        item: drinkName,
        quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE).optional(),
        modifiers: modifiers.optional(),
      }),
      execute: guarded(
        TOOL.removeFromOrder,
        async (sessionId, input: { item: string; quantity?: number; modifiers?: string[] }) => {
          const result = await store.removeItem(sessionId, input);
          if (!result.ok) return fail(result.code, result.message, result.suggestions);
          return {
            ok: true as const,
            removed: {
              item: result.item.name,
              quantity: result.removed,
              refundedCents: result.refundedCents,
            },
            state: result.state,
          };
        },
      ),
    }),

    [TOOL.showOrder]: tool({
      description: "Show the guest's current order with the tab, tip, total and balance.",
      inputSchema: z.object({}),
      execute: guarded(TOOL.showOrder, async (sessionId) => {
        const found = await stateOf(sessionId);
        return found.ok ? { ok: true as const, state: found.state } : found;
      }),
    }),

    [TOOL.clearOrder]: tool({
      description: "Remove every drink from the guest's order and refund it to their balance.",
      inputSchema: z.object({}),
      execute: guarded(TOOL.clearOrder, async (sessionId) => {
        const result = await store.clearOrder(sessionId);
        return result.ok
          ? { ok: true as const, state: result.state }
          : fail(result.code, result.message);
      }),
    }),

    [TOOL.setTip]: tool({
      description:
        "Set the tip to 10, 15 or 20 percent of the tab, or null for no tip. Choosing the current percent again removes the tip.",
      inputSchema: z.object({
        percent: z.union([z.literal(10), z.literal(15), z.literal(20), z.null()]),
      }),
      execute: guarded(
        TOOL.setTip,
        async (sessionId, { percent }: { percent: TipPercent | null }) => {
          const result =
            percent === null
              ? await store.setTip(sessionId, null)
              : await store.toggleTip(sessionId, percent);
          return result.ok
            ? { ok: true as const, state: result.state }
            : fail(result.code, result.message);
        },
      ),
    }),

    [TOOL.showTab]: tool({
      description:
        "Show the guest's tab, tip, total to pay and remaining balance. Quote this total to the guest before any payment.",
      inputSchema: z.object({}),
      execute: guarded(TOOL.showTab, async (sessionId) => {
        const found = await stateOf(sessionId);
        if (!found.ok) return found;
        // In a chat the agent records the quote from Maya's reply; over MCP the caller sees this total.
        if (currentTurn() === undefined && found.notes[QUOTE_NOTE] !== found.state.totalCents) {
          const total = found.state.totalCents;
          const updated = await store.updateConversation(sessionId, (c) => ({
            ...c,
            notes: { ...c.notes, [QUOTE_NOTE]: total, [QUOTE_TURN_NOTE]: found.turns },
          }));
          if (!updated.ok) return fail(updated.code, updated.message);
        }
        return { ok: true as const, state: found.state };
      }),
    }),

    [TOOL.createPayment]: tool({
      description:
        "Create the payment link for the guest's total. Only after your previous reply told the guest the exact total (from show_tab) and their latest message explicitly confirms it. confirmedTotalCents must be that total.",
      inputSchema: z.object({ confirmedTotalCents: z.number().int().min(1).max(100_000_000) }),
      execute: guarded(
        TOOL.createPayment,
        async (sessionId, { confirmedTotalCents }: { confirmedTotalCents: number }) => {
          const found = await stateOf(sessionId);
          if (!found.ok) return found;
          const total = found.state.totalCents;
          const quoted = found.notes[QUOTE_NOTE];
          const quotedTurn = found.notes[QUOTE_TURN_NOTE];
          const turn = currentTurn();
          const confirmed =
            quoted === total &&
            confirmedTotalCents === total &&
            (turn === undefined ||
              (typeof quotedTurn === "number" &&
                quotedTurn === turn.turn - 1 &&
                isExplicitConfirmation(turn.message)));
          if (!confirmed) {
            logger.info(
              { event: "agent.payment_unconfirmed" },
              "payment refused without confirmation",
            );
            onEvent("agent_payment_unconfirmed", {});
            return fail(
              "confirmation_required",
              'Before I charge anything, please confirm your total. Say "pay" and I\'ll tell you the amount.',
            );
          }
          const paid = await payments.pay(sessionId);
          if (!paid.ok) return fail(paid.code, paid.message);
          return {
            ok: true as const,
            url: paid.url,
            simulated: paid.simulated,
            amountCents: paid.amountCents,
            state: paid.state,
          };
        },
      ),
    }),

    [TOOL.paymentStatus]: tool({
      description: "Check whether the guest's payment has gone through.",
      inputSchema: z.object({}),
      execute: guarded(TOOL.paymentStatus, async (sessionId) => {
        const result = await payments.status(sessionId);
        return result.ok ? result : fail(result.code, result.message);
      }),
    }),
  };
}

/** Names of every menu item, for prompts. */
export const MENU_NAMES = MENU.map((item) => item.name);
