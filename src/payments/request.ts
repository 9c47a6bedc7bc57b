import { z } from "zod";
import { isIdempotencyKey, keyBelongsToSession, SESSION_ID_PATTERN } from "./idempotency.ts";
import type { CreatePaymentLinkRequest, PaymentFailure } from "./types.ts";

/** Stripe's own ceiling for one charge in most currencies (999,999.99). */
export const MAX_AMOUNT_CENTS = 99_999_999;

const requestSchema = z.object({
  amountCents: z
    .number()
    .int("amountCents must be a whole number of cents")
    .positive("amountCents must be positive")
    .max(MAX_AMOUNT_CENTS, `amountCents must be at most ${MAX_AMOUNT_CENTS}`),
  currency: z.string().regex(/^[a-z]{3}$/, "currency must be a lower-case ISO code such as usd"),
  description: z.string().trim().min(1, "description must not be empty").max(250),
  idempotencyKey: z
    .string()
    .refine(isIdempotencyKey, "idempotencyKey must come from newIdempotencyKey"),
  metadata: z.object({
    sessionId: z.string().regex(SESSION_ID_PATTERN, "metadata.sessionId is malformed"),
  }),
});

/** Checks a link request before anything leaves the process; a typed failure names the field. */
export function validateLinkRequest(
  request: CreatePaymentLinkRequest,
): { ok: true; request: CreatePaymentLinkRequest } | { ok: false; failure: PaymentFailure } {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "request";
    return {
      ok: false,
      failure: {
        code: "invalid_payment_request",
        message: `The payment request is invalid (${where}: ${issue?.message ?? "malformed"}).`,
      },
    };
  }
  if (!keyBelongsToSession(parsed.data.idempotencyKey, parsed.data.metadata.sessionId)) {
    return {
      ok: false,
      failure: {
        code: "idempotency_key_reused",
        message:
          "That idempotency key belongs to another session; make a new one for this payment.",
      },
    };
  }
  return { ok: true, request: parsed.data };
}

/** What must stay the same for every use of one idempotency key. */
export function requestFingerprint(request: CreatePaymentLinkRequest): string {
  return JSON.stringify([request.amountCents, request.currency, request.metadata.sessionId]);
}
