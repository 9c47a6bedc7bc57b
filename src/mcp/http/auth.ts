import { safeEqual } from "../../config/index.ts";

/** Shortest bearer token accepted: anything shorter can be guessed. */
export const MIN_TOKEN_CHARS = 16;

export class McpTokenError extends Error {
  override name = "McpTokenError";
}

/**
 * Parses the comma-separated MAYA_MCP_TOKENS value. Blank entries are ignored;
 * a token shorter than MIN_TOKEN_CHARS is a start-up error (never printed).
 */
export function parseMcpTokens(raw: string | undefined): string[] {
  const tokens = (raw ?? "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  const short = tokens.filter((t) => t.length < MIN_TOKEN_CHARS).length;
  if (short > 0) {
    throw new McpTokenError(
      `MAYA_MCP_TOKENS: ${short} token(s) shorter than ${MIN_TOKEN_CHARS} characters; use long random tokens, e.g. \`openssl rand -hex 32\`.`,
    );
  }
  return tokens;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/**
 * Index of the configured token that equals `given`, or -1. Every token is
 * compared (no early exit) and each comparison is constant-time, so timing
 * tells nothing about which token, if any, came close.
 */
export function matchToken(given: string, tokens: readonly string[]): number {
  let found = -1;
  tokens.forEach((token, index) => {
    if (safeEqual(given, token) && found === -1) found = index;
  });
  return found;
}
