import Stripe from "stripe";
import { kindOfStatus, PaymentProviderError } from "../errors.ts";

/** stripe-node's errors, sorted into retryable and final kinds (no secrets in the message). */
export function fromStripeError(error: unknown): PaymentProviderError {
  if (error instanceof PaymentProviderError) return error;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    const timeout = /timeout/i.test(error.message);
    return new PaymentProviderError(timeout ? "timeout" : "network", error.message, {
      cause: error,
    });
  }
  if (error instanceof Stripe.errors.StripeError) {
    const status = error.statusCode;
    if (error instanceof Stripe.errors.StripeIdempotencyError && status !== 409) {
      return new PaymentProviderError("idempotency_mismatch", error.message, {
        status,
        cause: error,
      });
    }
    if (status === undefined)
      return new PaymentProviderError("network", error.message, { cause: error });
    return new PaymentProviderError(kindOfStatus(status), error.message, { status, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentProviderError("network", message, { cause: error });
}
