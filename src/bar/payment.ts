import { tipCents } from "./money.ts";
import { type BarError, barError } from "./results.ts";
import {
  type BarState,
  IDEMPOTENCY_KEY_PATTERN,
  PAYMENT_FALLBACKS,
  PAYMENT_ID_PATTERN,
  type PaymentAttempt,
  type PaymentFallback,
  type PaymentStatus,
} from "./state.ts";

/**
 * Payment-state rules. Allowed moves: pending→processing, processing→completed,
 * processing→failed, failed→processing (a retry, with a new attempt). Nothing
 * leaves completed until the next order starts a new tab (see orders.ts).
 */
const TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  pending: ["processing"],
  processing: ["completed", "failed"],
  failed: ["processing"],
  completed: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function totalCents(state: BarState): number {
  return state.tabCents + tipCents(state.tabCents, state.tipPercent);
}

export type StartPaymentResult =
  | {
      ok: true;
      state: BarState;
      attempt: PaymentAttempt /** true: an attempt for this amount was already out */;
      reused: boolean;
    }
  | BarError;

/**
 * Starts (or rejoins) a payment attempt for tab + tip. The key is stored before
 * anyone calls the gateway; a second request while the same amount is being
 * paid gets the same attempt and key, so the gateway sees one idempotent call.
 */
export function startPayment(
  state: BarState,
  input: { idempotencyKey: string; now: number },
): StartPaymentResult {
  const amount = totalCents(state);
  const { payment } = state;
  if (payment.status === "processing" && payment.attempt) {
    if (payment.attempt.amountCents === amount) {
      return { ok: true, state, attempt: payment.attempt, reused: true };
    }
    return barError(
      "payment_in_progress",
      "A payment for a different amount is already in progress.",
    );
  }
  if (amount <= 0 || state.tabCents <= 0) {
    return barError("nothing_to_pay", "Your tab is empty, so there is nothing to pay.");
  }
  if (!canTransition(payment.status, "processing")) {
    return barError("invalid_transition", `A ${payment.status} payment cannot start again.`);
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.idempotencyKey)) {
    return barError("invalid_payment_info", "The idempotency key is malformed.", {
      field: "idempotencyKey",
    });
  }
  const attempt: PaymentAttempt = {
    idempotencyKey: input.idempotencyKey,
    amountCents: amount,
    tabCents: state.tabCents,
    tipCents: amount - state.tabCents,
    startedAt: input.now,
    paymentId: null,
    url: null,
    simulated: false,
    fallback: null,
  };
  return {
    ok: true,
    reused: false,
    attempt,
    state: {
      ...state,
      payment: { ...payment, status: "processing", attempt, failureReason: null },
    },
  };
}

export interface PaymentLinkInfo {
  idempotencyKey: string;
  paymentId: string;
  url: string | null;
  simulated: boolean;
  fallback: PaymentFallback;
}

function isHttpUrl(url: string): boolean {
  if (url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

/** Records the link the gateway produced for the current attempt (idempotent for the same link). */
export function attachPaymentLink(
  state: BarState,
  info: PaymentLinkInfo,
): { ok: true; state: BarState; attempt: PaymentAttempt } | BarError {
  if (!PAYMENT_ID_PATTERN.test(info.paymentId)) {
    return barError("invalid_payment_info", "The payment id is malformed.", { field: "paymentId" });
  }
  if (info.url !== null && !isHttpUrl(info.url)) {
    return barError("invalid_payment_info", "The payment link must be an http(s) URL.", {
      field: "url",
    });
  }
  if (!PAYMENT_FALLBACKS.includes(info.fallback)) {
    return barError("invalid_payment_info", "Unknown fallback.", { field: "fallback" });
  }
  const { payment } = state;
  const attempt = payment.attempt;
  if (
    payment.status !== "processing" ||
    !attempt ||
    attempt.idempotencyKey !== info.idempotencyKey
  ) {
    return barError(
      "payment_mismatch",
      "This payment link belongs to an attempt that is no longer current.",
    );
  }
  if (attempt.paymentId !== null && attempt.paymentId !== info.paymentId) {
    return barError("payment_mismatch", "This attempt already has a different payment link.");
  }
  const next: PaymentAttempt = {
    ...attempt,
    paymentId: info.paymentId,
    url: info.url,
    simulated: info.simulated,
    fallback: info.fallback,
  };
  return { ok: true, attempt: next, state: { ...state, payment: { ...payment, attempt: next } } };
}

export type CompletePaymentResult =
  | { ok: true; state: BarState; paidCents: number; tipCents: number }
  | BarError;

/**
 * Completes the current attempt exactly once: the tab moves to paid, tab and
 * tip go to zero. The same payment again is `already_completed`; a payment for
 * an attempt that is no longer current is `payment_mismatch`.
 */
export function completePayment(state: BarState, paymentId: string): CompletePaymentResult {
  const { payment } = state;
  if (payment.completedPaymentId !== null && payment.completedPaymentId === paymentId) {
    return barError("already_completed", "This payment has already been completed.");
  }
  const attempt = payment.attempt;
  if (!attempt || attempt.paymentId !== paymentId) {
    return barError("payment_mismatch", "This payment does not match the tab's current payment.");
  }
  // failed → completed is a late success of the same attempt: failed→processing→completed in one step.
  if (payment.status !== "processing" && payment.status !== "failed") {
    return barError("invalid_transition", `A ${payment.status} payment cannot complete.`);
  }
  if (attempt.amountCents !== totalCents(state)) {
    return barError("payment_mismatch", "The tab changed after this payment started.");
  }
  return {
    ok: true,
    paidCents: attempt.tabCents,
    tipCents: attempt.tipCents,
    state: {
      ...state,
      lines: [],
      tabCents: 0,
      tipPercent: null,
      paidCents: state.paidCents + attempt.tabCents,
      tipsPaidCents: state.tipsPaidCents + attempt.tipCents,
      payment: {
        status: "completed",
        attempt,
        completedPaymentId: paymentId,
        failureReason: null,
        needsReconciliation: false,
      },
    },
  };
}

/**
 * Marks the current attempt failed (the tab stays; the guest may retry with a
 * new attempt). `needsReconciliation` flags money a person must look at.
 */
export function failPayment(
  state: BarState,
  input: { reason: string; idempotencyKey?: string; needsReconciliation?: boolean },
): { ok: true; state: BarState } | BarError {
  const { payment } = state;
  if (payment.status !== "processing") {
    return barError("invalid_transition", `A ${payment.status} payment cannot fail.`);
  }
  if (
    input.idempotencyKey !== undefined &&
    payment.attempt?.idempotencyKey !== input.idempotencyKey
  ) {
    return barError(
      "payment_mismatch",
      "This failure belongs to an attempt that is no longer current.",
    );
  }
  return {
    ok: true,
    state: {
      ...state,
      payment: {
        ...payment,
        status: "failed",
        failureReason: input.reason.slice(0, 500),
        needsReconciliation: input.needsReconciliation ?? payment.needsReconciliation,
      },
    },
  };
}

/**
 * Marks money that moved without matching the tab (for example a late payment
 * of a link whose tab has changed since) so a person looks at it. A completed
 * payment cannot carry the flag: completion settles the tab exactly.
 */
export function flagReconciliation(
  state: BarState,
  reason: string,
): { ok: true; state: BarState } | BarError {
  const { payment } = state;
  if (payment.status === "completed") {
    return barError("invalid_transition", "A completed payment cannot need reconciliation.");
  }
  return {
    ok: true,
    state: {
      ...state,
      payment: { ...payment, needsReconciliation: true, failureReason: reason.slice(0, 500) },
    },
  };
}
