import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

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

/** The three limits, named as the web server names them. */
export type McpLimitName = "address" | "session" | "new_session";
export type McpLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one point of a limit for a key. The web server's `RateLimits`
 * (memory, or Redis shared between instances) has this shape, so a mounted
 * handler can share the web API's budgets.
 */
export interface McpRateLimiter {
  consume(name: McpLimitName, key: string): Promise<McpLimitDecision>;
}

/** In-process limits for one server (`maya mcp --http`). */
export function memoryRateLimiter(limits: McpRateLimits): McpRateLimiter {
  const perMinute = (points: number, name: McpLimitName) =>
    new RateLimiterMemory({ points, duration: 60, keyPrefix: `maya:mcp:${name}` });
  const limiters: Record<McpLimitName, RateLimiterMemory> = {
    address: perMinute(limits.perClientPerMinute, "address"),
    session: perMinute(limits.perSessionPerMinute, "session"),
    new_session: perMinute(limits.newSessionsPerMinute, "new_session"),
  };
  return {
    async consume(name, key) {
      try {
        await limiters[name].consume(key);
        return { ok: true };
      } catch (rejection) {
        // Anything but a RateLimiterRes is a bug to surface, not a limit.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
    },
  };
}
