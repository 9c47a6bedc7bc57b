import { PaymentProviderError } from "../errors.ts";

/**
 * Runs `work` with an AbortSignal that fires after `ms`; if the work does not
 * honour the signal, the race still ends at the deadline with a retryable
 * timeout (the provider's idempotency makes a late success harmless).
 */
export async function withTimeout<T>(
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", onOuterAbort, { once: true });
  const deadline = new Promise<never>((_, reject) => {
    const fail = () =>
      reject(new PaymentProviderError("timeout", `${what} took longer than ${ms} ms`));
    if (controller.signal.aborted) return fail();
    controller.signal.addEventListener("abort", fail, { once: true });
    timer = setTimeout(() => controller.abort(), Math.max(0, ms));
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuterAbort);
    controller.abort();
  }
}
