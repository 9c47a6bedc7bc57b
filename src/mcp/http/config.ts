import type { Env } from "../../config/index.ts";
import { parseMcpTokens } from "./auth.ts";
import type { McpHttpOptions } from "./handler.ts";
import { LOOPBACK_HOSTS, normaliseOrigin } from "./origin.ts";

export class McpOriginConfigError extends Error {
  override name = "McpOriginConfigError";
}

/** Parses MAYA_MCP_ALLOWED_ORIGINS; an entry that is not an http(s) origin is a start-up error. */
export function parseAllowedOrigins(raw: string): string[] {
  const entries = raw
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  return entries.map((entry) => {
    const origin = normaliseOrigin(entry);
    if (origin === undefined) {
      throw new McpOriginConfigError(
        `MAYA_MCP_ALLOWED_ORIGINS: '${entry}' is not an origin like https://example.com`,
      );
    }
    return origin;
  });
}

export function isLoopbackHost(host: string): boolean {
  return (LOOPBACK_HOSTS as readonly string[]).includes(host) || host === "::1";
}

/**
 * The HTTP transport's settings from the parsed environment: tokens, allowed
 * origins and the session TTL (the rate limiter is passed in separately). When the server is
 * bound to a loopback address, the Host header must name loopback too (DNS
 * rebinding cannot fake that), or the public URL's host (a proxy in front);
 * the public URL's origin is always allowed.
 */
export function mcpHttpOptionsFromEnv(
  env: Env,
  bindHost?: string,
): Omit<McpHttpOptions, "rateLimiter"> {
  const allowedOrigins = parseAllowedOrigins(env.MAYA_MCP_ALLOWED_ORIGINS);
  const publicUrl = env.MAYA_PUBLIC_URL === undefined ? undefined : new URL(env.MAYA_PUBLIC_URL);
  if (publicUrl !== undefined) allowedOrigins.push(publicUrl.origin);
  const publicHosts = publicUrl === undefined ? [] : [publicUrl.hostname.toLowerCase()];
  return {
    tokens: parseMcpTokens(env.MAYA_MCP_TOKENS),
    allowedOrigins,
    ...(bindHost !== undefined && isLoopbackHost(bindHost)
      ? { allowedHosts: [...new Set([...LOOPBACK_HOSTS, ...publicHosts])] }
      : {}),
    sessionIdleMs: env.MAYA_SESSION_TTL_SECONDS * 1000,
  };
}
