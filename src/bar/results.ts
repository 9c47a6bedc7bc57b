import type { MenuItem } from "./menu.ts";

/** Stable codes for everything a guest or a caller can get wrong; the message is a sentence for people. */
export type BarErrorCode =
  | "invalid_quantity"
  | "unknown_item"
  | "ambiguous"
  | "invalid_modifier"
  | "insufficient_funds"
  | "too_many_lines"
  | "not_in_order"
  | "invalid_tip"
  | "payment_in_progress"
  | "nothing_to_pay"
  | "invalid_transition"
  | "already_completed"
  | "payment_mismatch"
  | "invalid_payment_info"
  | "invalid_state";

export interface BarError {
  ok: false;
  code: BarErrorCode;
  message: string;
  /** The offending field, for schema and payment-info errors. */
  field?: string;
  /** Close matches or choices, for unknown and ambiguous items. */
  suggestions?: MenuItem[];
}

export function barError(
  code: BarErrorCode,
  message: string,
  extra: Partial<BarError> = {},
): BarError {
  return { ok: false, code, message, ...extra };
}
