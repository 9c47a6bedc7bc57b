/** Thrown when a request outlives `requestTimeoutMs`. */
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
}

/** The guest closed the connection before the answer was sent. */
export class GuestGoneError extends Error {
  override name = "GuestGoneError";
}

/** Resolves with `work`, or rejects as soon as `signal` aborts (the work is told through the same signal). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** An abort signal that fires with `RequestTimeoutError` after `ms`; `clear()` when done. */
export function requestDeadline(ms: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new RequestTimeoutError("request timed out")),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
