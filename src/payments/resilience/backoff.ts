export interface RetryPolicy {
  /** Attempts per payment-link request, the first included. */
  maxAttempts: number;
  /** Deadline of one provider call. */
  attemptTimeoutMs: number;
  /** Budget for all attempts and pauses together; nothing sleeps past it. */
  overallDeadlineMs: number;
  /** First backoff cap; doubles per attempt. */
  baseDelayMs: number;
  /** Largest backoff cap. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  attemptTimeoutMs: 5_000,
  overallDeadlineMs: 12_000,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
};

/**
 * "Full jitter" backoff: a uniform pause in [0, min(max, base·2^(n-1))), so
 * many clients retrying together spread out instead of arriving in waves.
 * `attempt` is the attempt that just failed (1-based); `random` is in [0, 1).
 */
export function fullJitterDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * cap);
}
