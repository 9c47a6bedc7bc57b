import { tipCents } from "./money.ts";
import type { BarState, PaymentStatus } from "./state.ts";

/** The state every client sees (DESIGN: HTTP state shape). */
export interface PublicState {
  order: Array<{
    item: string;
    quantity: number;
    modifiers: string[];
    unitCents: number;
    lineCents: number;
  }>;
  tabCents: number;
  balanceCents: number;
  tipPercent: number | null;
  tipCents: number;
  totalCents: number;
  paymentStatus: PaymentStatus;
  version: number;
}

export function publicState(state: BarState, version: number): PublicState {
  const tip = tipCents(state.tabCents, state.tipPercent);
  return {
    order: state.lines.map((line) => ({
      item: line.name,
      quantity: line.quantity,
      modifiers: [...line.modifiers],
      unitCents: line.unitCents,
      lineCents: line.unitCents * line.quantity,
    })),
    tabCents: state.tabCents,
    balanceCents: state.balanceCents,
    tipPercent: state.tipPercent,
    tipCents: tip,
    totalCents: state.tabCents + tip,
    paymentStatus: state.payment.status,
    version,
  };
}
