import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerContext } from "./context.ts";
import { refuseRateLimited } from "./rate-limited.ts";
import {
  isWellFormedSessionId,
  newSessionId,
  SESSION_COOKIE,
  SESSION_COOKIE_OPTIONS,
  sessionKeyOf,
} from "./session.ts";

/**
 * Finds the guest's session from the cookie, or starts a fresh one. Malformed
 * ids and ids we never issued (or that a reset retired) are never adopted: a
 * new random id is issued instead, so a planted cookie cannot fix someone's
 * session. Returns the session key, or `undefined` after answering 429.
 */
export async function resolveSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { countTowardsLimit: boolean },
): Promise<string | undefined> {
  return (await resolveOrStartSession(ctx, request, reply, options))?.key;
}

/**
 * `resolveSession`, also saying whether the session was started by this
 * request (its cookie is already set on the reply).
 */
export async function resolveOrStartSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { countTowardsLimit: boolean },
): Promise<{ key: string; started: boolean } | undefined> {
  const presented = request.cookies[SESSION_COOKIE];
  let key = isWellFormedSessionId(presented)
    ? await ctx.runtime.sessions.lookup(sessionKeyOf(presented))
    : undefined;
  const started = key === undefined;
  if (key === undefined) {
    key = await startSession(ctx, request, reply);
    if (key === undefined) return undefined;
  }
  if (options.countTowardsLimit) {
    const decision = await ctx.limits.consume("session", key);
    if (!decision.ok) {
      refuseRateLimited(ctx, reply, "session", decision.retryAfterSeconds);
      return undefined;
    }
  }
  return { key, started };
}

/** A new session under a new cookie; limited per client address. */
async function startSession(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<string | undefined> {
  const decision = await ctx.limits.consume("new_session", request.ip);
  if (!decision.ok) {
    refuseRateLimited(
      ctx,
      reply,
      "new_session",
      decision.retryAfterSeconds,
      "Too many new conversations from your address. Please wait a moment and try again.",
    );
    return undefined;
  }
  return issueSessionCookie(ctx, reply);
}

/**
 * Sets a cookie with a new random id and registers it. Without `sessionKey`
 * it starts a new session, keyed by the hash of this id.
 */
export async function issueSessionCookie(
  ctx: ServerContext,
  reply: FastifyReply,
  sessionKey?: string,
): Promise<string> {
  const id = newSessionId();
  const hash = sessionKeyOf(id);
  const key = sessionKey ?? hash;
  await ctx.runtime.sessions.register(hash, key);
  reply.setCookie(SESSION_COOKIE, id, SESSION_COOKIE_OPTIONS);
  return key;
}
