import { z } from "zod";
import { MODIFIERS, type Modifier } from "./modifiers.ts";
import { STARTING_BALANCE_CENTS, TIP_PERCENTS, type TipPercent } from "./money.ts";

/**
 * The bar's view of one guest: what they ordered, what they owe, what they
 * have left, and where their payment stands. A plain JSON value; every
 * operation in this folder takes one and returns a new one.
 */

export const PAYMENT_STATUSES = ["pending", "processing", "completed", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
/** Which way a payment link was produced: the real gateway, the mock fallback, or none (failed closed). */
export const PAYMENT_FALLBACKS = ["none", "mock", "fail"] as const;
export type PaymentFallback = (typeof PAYMENT_FALLBACKS)[number];

/** Idempotency keys: random, URL-safe, at most Stripe's 255 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_:.-]{15,254}$/;
/** Payment ids from Stripe ("plink_…", "cs_test_…") or the mock ("mock_…"). */
export const PAYMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,254}$/;

export const MAX_QUANTITY_PER_LINE = 20;
export const MAX_ORDER_LINES = 30;

export interface OrderLine {
  itemId: string;
  name: string;
  quantity: number;
  modifiers: Modifier[];
  unitCents: number;
}

export interface PaymentAttempt {
  idempotencyKey: string;
  /** What this attempt charges: tab + tip when it started. A different amount needs a new attempt. */
  amountCents: number;
  tabCents: number;
  tipCents: number;
  startedAt: number;
  paymentId: string | null;
  url: string | null;
  simulated: boolean;
  fallback: PaymentFallback | null;
}

export interface PaymentState {
  status: PaymentStatus;
  attempt: PaymentAttempt | null;
  /** The payment that completed the last tab; completing it again is `already_completed`. */
  completedPaymentId: string | null;
  failureReason: string | null;
  /** Money moved that the bar could not match to its tab; a person must look. */
  needsReconciliation: boolean;
}

export interface BarState {
  lines: OrderLine[];
  tabCents: number;
  balanceCents: number;
  tipPercent: TipPercent | null;
  /** Sum of tabs paid so far (tips not included): balance + tab + paid = starting balance. */
  paidCents: number;
  tipsPaidCents: number;
  payment: PaymentState;
}

/** The tab a list of lines adds up to: what `tabCents` must always equal. */
export function sumLines(lines: readonly OrderLine[]): number {
  return lines.reduce((total, line) => total + line.quantity * line.unitCents, 0);
}

export function initialBarState(): BarState {
  return {
    lines: [],
    tabCents: 0,
    balanceCents: STARTING_BALANCE_CENTS,
    tipPercent: null,
    paidCents: 0,
    tipsPaidCents: 0,
    payment: {
      status: "pending",
      attempt: null,
      completedPaymentId: null,
      failureReason: null,
      needsReconciliation: false,
    },
  };
}

const cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const lineSchema = z.object({
  itemId: z.string().min(1).max(40),
  name: z.string().min(1).max(60),
  quantity: z.number().int().min(1).max(MAX_QUANTITY_PER_LINE),
  modifiers: z.array(z.enum(MODIFIERS as [Modifier, ...Modifier[]])).max(8),
  unitCents: cents,
});

const attemptSchema = z.object({
  idempotencyKey: z.string().regex(IDEMPOTENCY_KEY_PATTERN, "malformed idempotency key"),
  amountCents: cents.min(1),
  tabCents: cents,
  tipCents: cents,
  startedAt: z.number().int().min(0),
  paymentId: z.string().regex(PAYMENT_ID_PATTERN, "malformed payment id").nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
  simulated: z.boolean(),
  fallback: z.enum(PAYMENT_FALLBACKS).nullable(),
});

export const paymentStateSchema = z
  .object({
    status: z.enum(PAYMENT_STATUSES),
    attempt: attemptSchema.nullable(),
    completedPaymentId: z.string().regex(PAYMENT_ID_PATTERN, "malformed payment id").nullable(),
    failureReason: z.string().max(500).nullable(),
    needsReconciliation: z.boolean(),
  })
  .superRefine((payment, ctx) => {
    if (payment.status === "processing" && payment.attempt === null) {
      ctx.addIssue({ code: "custom", path: ["attempt"], message: "processing needs an attempt" });
    }
    if (payment.status === "completed" && payment.needsReconciliation) {
      ctx.addIssue({
        code: "custom",
        path: ["needsReconciliation"],
        message: "a completed payment cannot need reconciliation",
      });
    }
    if (payment.status === "completed" && payment.completedPaymentId === null) {
      ctx.addIssue({
        code: "custom",
        path: ["completedPaymentId"],
        message: "completed needs its payment id",
      });
    }
  });

export const barStateSchema = z
  .object({
    lines: z.array(lineSchema).max(MAX_ORDER_LINES),
    tabCents: cents,
    balanceCents: cents,
    tipPercent: z
      .union([z.literal(TIP_PERCENTS[0]), z.literal(TIP_PERCENTS[1]), z.literal(TIP_PERCENTS[2])])
      .nullable(),
    paidCents: cents,
    tipsPaidCents: cents,
    payment: paymentStateSchema,
  })
  .superRefine((state, ctx) => {
    const sum = sumLines(state.lines);
    if (sum !== state.tabCents) {
      ctx.addIssue({
        code: "custom",
        path: ["tabCents"],
        message: `tab ${state.tabCents} is not the sum of its lines ${sum}`,
      });
    }
    if (state.balanceCents + state.tabCents + state.paidCents !== STARTING_BALANCE_CENTS) {
      ctx.addIssue({
        code: "custom",
        path: ["balanceCents"],
        message: "balance + tab + paid must equal the starting balance",
      });
    }
  });

export type StateCheck =
  | { ok: true; state: BarState }
  | { ok: false; code: "invalid_state"; field: string; message: string };

/** Validates a bar state (for example one read back from a store); a violation names the field. */
export function checkBarState(value: unknown): StateCheck {
  const result = barStateSchema.safeParse(value);
  if (result.success) return { ok: true, state: result.data as BarState };
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || "state";
  return { ok: false, code: "invalid_state", field, message: `Invalid ${field}: ${issue.message}` };
}
