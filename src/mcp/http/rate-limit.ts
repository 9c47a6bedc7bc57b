import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Requests per minute, as for the web API (MAYA_*RATE_LIMIT* settings). */
export interface McpRateLimits {
  /** Every request from one client address. */
  perClientPerMinute: number;
  /** Requests within one MCP session. */
  perSessionPerMinute: number;
  /** New MCP sessions opened from one client address. */
  newSessionsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: McpRateLimits = {
  perClientPerMinute: 60,
  perSessionPerMinute: 30,
  newSessionsPerMinute: 20,
};

/** The three limiters; pass Redis-backed ones to share limits across instances. */
export interface McpLimiters {
  client: RateLimiterAbstract;
  session: RateLimiterAbstract;
  newSession: RateLimiterAbstract;
}

export function memoryLimiters(limits: McpRateLimits): McpLimiters {
  const perMinute = (points: number, keyPrefix: string) =>
    new RateLimiterMemory({ points, duration: 60, keyPrefix });
  return {
    client: perMinute(limits.perClientPerMinute, "mcp-client"),
    session: perMinute(limits.perSessionPerMinute, "mcp-session"),
    newSession: perMinute(limits.newSessionsPerMinute, "mcp-new-session"),
  };
}

/** Seconds until the key may try again, or 0 when a point was consumed. */
export async function consumeOrRetryAfter(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    // A rejection that is not a RateLimiterRes is a broken store (e.g. Redis down): a bug to surface.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}
