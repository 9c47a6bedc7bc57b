import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerContext } from "./context.ts";
import { sendError } from "./errors.ts";
import {
  isWellFormedSessionId,
  newSessionId,
  SESSION_COOKIE,
  SESSION_COOKIE_OPTIONS,
  sessionKeyOf,
} from "./session.ts";

/**
 * Finds the guest's session from the cookie, or starts a fresh one (malformed
 * or unknown ids are never adopted: a new random id is issued instead, so a
 * planted cookie cannot fix someone's session). Returns the session key, or
 * `undefined` after answering 429 when a limit was hit.
 */
export async function resolveSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { countTowardsLimit: boolean },
): Promise<string | undefined> {
  const presented = request.cookies[SESSION_COOKIE];
  let key: string | undefined;
  if (isWellFormedSessionId(presented)) {
    const candidate = sessionKeyOf(presented);
    if (await ctx.runtime.agent.exists(candidate)) key = candidate;
  }
  if (key === undefined) {
    const fresh = await startSession(ctx, request, reply);
    if (fresh === undefined) return undefined;
    key = fresh;
  }
  if (options.countTowardsLimit) {
    const decision = await ctx.limits.consume("session", key);
    if (!decision.ok) {
      ctx.metrics.rateLimited.inc({ limit: "session" });
      ctx.logger.warn({ event: "rate_limited", limit: "session" }, "session rate limit hit");
      sendError(
        reply,
        429,
        "rate_limited",
        "You're going a bit fast for Maya. Please wait a moment and try again.",
        decision.retryAfterSeconds,
      );
      return undefined;
    }
  }
  return key;
}

/** Issues a new cookie and creates the session's state; limited per client address. */
export async function startSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string | undefined> {
  const decision = await ctx.limits.consume("new_session", request.ip);
  if (!decision.ok) {
    ctx.metrics.rateLimited.inc({ limit: "new_session" });
    ctx.logger.warn({ event: "rate_limited", limit: "new_session" }, "session creation limit hit");
    sendError(
      reply,
      429,
      "rate_limited",
      "Too many new conversations from your address. Please wait a moment and try again.",
      decision.retryAfterSeconds,
    );
    return undefined;
  }
  const key = issueSessionCookie(reply);
  await ctx.runtime.agent.state(key);
  return key;
}

/** Sets a cookie with a new random id and returns its session key (no state is created). */
export function issueSessionCookie(reply: FastifyReply): string {
  const id = newSessionId();
  reply.setCookie(SESSION_COOKIE, id, SESSION_COOKIE_OPTIONS);
  return sessionKeyOf(id);
}
