/** The bar's domain, pure: menu, lookup, money in integer cents, orders, tips and payment-state rules. */
export { findMenuItem, type LookupResult, MAX_QUERY_CHARS } from "./lookup.ts";
export {
  CATEGORY_NAMES,
  type Category,
  MENU,
  type MenuItem,
  menuByCategory,
  menuItemById,
} from "./menu.ts";
export {
  LIQUORS,
  type Liquor,
  MAX_MODIFIERS,
  MODIFIERS,
  type Modifier,
  type ModifierResult,
  modifiersAllowedFor,
  normalizeModifiers,
  PREPARATIONS,
  type Preparation,
} from "./modifiers.ts";
export {
  type BalanceLevel,
  balanceLevel,
  divideHalfEven,
  dollarsToCents,
  formatCents,
  isCents,
  isTipPercent,
  LOW_BALANCE_CENTS,
  STARTING_BALANCE_CENTS,
  TIP_PERCENTS,
  type TipPercent,
  tipCents,
  toggledTip,
} from "./money.ts";
export {
  checkQuantity,
  clearOrder,
  type OrderRequest,
  type OrderResult,
  orderItem,
  type RemoveRequest,
  type RemoveResult,
  removeItem,
  setTip,
  type TipResult,
  toggleTip,
} from "./orders.ts";
export {
  attachPaymentLink,
  type CompletePaymentResult,
  canTransition,
  completePayment,
  failPayment,
  flagReconciliation,
  type PaymentLinkInfo,
  type StartPaymentResult,
  startPayment,
  totalCents,
} from "./payment.ts";
export { type PublicState, publicState } from "./public.ts";
export { MOODS, type Mood, type RecommendResult, recommend } from "./recommend.ts";
export { type BarError, type BarErrorCode, barError } from "./results.ts";
export {
  type BarState,
  barStateSchema,
  checkBarState,
  IDEMPOTENCY_KEY_PATTERN,
  initialBarState,
  MAX_ORDER_LINES,
  MAX_QUANTITY_PER_LINE,
  type OrderLine,
  PAYMENT_FALLBACKS,
  PAYMENT_ID_PATTERN,
  PAYMENT_STATUSES,
  type PaymentAttempt,
  type PaymentFallback,
  type PaymentState,
  type PaymentStatus,
  paymentStateSchema,
  type StateCheck,
} from "./state.ts";
export { editDistance, normalizeText, singularForms, typoAllowance } from "./text.ts";
