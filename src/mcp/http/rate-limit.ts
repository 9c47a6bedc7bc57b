/** The three limits, named as the web server names them. */
export type McpLimitName = "address" | "session" | "new_session";
export type McpLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one point of a limit for a key: per client address, per MCP session
 * (`mcp:<id>`), and new sessions per address. The web server's `RateLimits`
 * (memory, or Redis shared between instances) is the implementation both
 * `maya serve` (budgets shared with the web API) and `maya mcp --http` pass in.
 */
export interface McpRateLimiter {
  consume(name: McpLimitName, key: string): Promise<McpLimitDecision>;
}
