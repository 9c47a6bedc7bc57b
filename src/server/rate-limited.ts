import type { FastifyReply } from "fastify";
import type { ServerContext } from "./context.ts";
import { sendError } from "./errors.ts";
import type { LimitName } from "./rate-limits.ts";

export const SLOW_DOWN = "You're going a bit fast for Maya. Please wait a moment and try again.";

/** Answers 429 with Retry-After for a spent limit: counted, and logged as `rate_limited`. */
export function refuseRateLimited(
  ctx: ServerContext,
  reply: FastifyReply,
  limit: LimitName,
  retryAfterSeconds: number,
  message = SLOW_DOWN,
): void {
  ctx.metrics.rateLimited.inc({ limit });
  ctx.logger.warn({ event: "rate_limited", limit }, `${limit} rate limit hit`);
  sendError(reply, 429, "rate_limited", message, retryAfterSeconds);
}
