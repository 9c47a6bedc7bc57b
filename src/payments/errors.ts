/**
 * What an adapter throws when the provider call did not give a usable answer.
 * `retryable` decides whether the resilience layer tries the same attempt again
 * (same idempotency key); everything else ends the attempt at once.
 */
export type ProviderErrorKind =
  /** Connection refused/reset, DNS, TLS. */
  | "network"
  /** The attempt ran past its own deadline. */
  | "timeout"
  /** 429. */
  | "rate_limited"
  /** 409, e.g. the same idempotency key is in flight elsewhere. */
  | "conflict"
  /** 5xx, or an MCP tool that answered with a failure text. */
  | "server"
  /** 401/403: the key is wrong or lacks permission; retrying will not help. */
  | "auth"
  /** 400: our request is wrong. */
  | "invalid_request"
  /** The idempotency key was already used with different parameters. */
  | "idempotency_mismatch"
  /** 404: no such payment. */
  | "not_found";

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set([
  "network",
  "timeout",
  "rate_limited",
  "conflict",
  "server",
]);

export class PaymentProviderError extends Error {
  override name = "PaymentProviderError";
  readonly kind: ProviderErrorKind;
  readonly status: number | undefined;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Maps an HTTP status to a kind; undefined for successes and unknown codes. */
export function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "invalid_request";
}

/** Anything thrown by an adapter, as a PaymentProviderError (unknown errors count as network faults). */
export function asProviderError(error: unknown): PaymentProviderError {
  if (error instanceof PaymentProviderError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PaymentProviderError("network", message, { cause: error });
}
