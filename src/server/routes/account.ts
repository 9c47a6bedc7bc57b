import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { sendError } from "../errors.ts";
import { SESSION_COOKIE, sessionKeyOf } from "../session.ts";
import { issueSessionCookie, resolveOrStartSession, resolveSession } from "../sessions.ts";

const tipBody = z.object({
  percent: z.union([z.literal(10), z.literal(15), z.literal(20), z.null()]),
});

/** HTTP status for an expected payment failure; the sentence comes from the agent. */
function payFailureStatus(code: string): number {
  return code === "payment_unavailable" ? 503 : 409;
}

/** The guest's tab: state, tip, payment and a fresh conversation. */
export function accountRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { agent } = ctx.runtime;

  app.get("/api/state", async (request, reply) => {
    const key = await resolveSession(ctx, request, reply, { countTowardsLimit: false });
    if (key === undefined) return reply;
    return agent.state(key);
  });

  app.post("/api/tip", async (request, reply) => {
    const parsed = tipBody.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        "invalid_tip",
        'A tip is 10, 15 or 20 percent, or null for no tip: send {"percent": 15}.',
      );
    }
    const key = await resolveSession(ctx, request, reply, { countTowardsLimit: true });
    if (key === undefined) return reply;
    const result = await agent.setTip(key, parsed.data.percent);
    if (!result.ok) return sendError(reply, 409, result.failure.code, result.failure.message);
    return { state: result.state };
  });

  app.post("/api/pay", async (request, reply) => {
    const key = await resolveSession(ctx, request, reply, { countTowardsLimit: true });
    if (key === undefined) return reply;
    const result = await agent.pay(key);
    if (!result.ok) {
      return sendError(
        reply,
        payFailureStatus(result.failure.code),
        result.failure.code,
        result.failure.message,
      );
    }
    return { url: result.url, paymentId: result.paymentId, simulated: result.simulated };
  });

  app.get("/api/pay/status", async (request, reply) => {
    const key = await resolveSession(ctx, request, reply, { countTowardsLimit: false });
    if (key === undefined) return reply;
    return agent.paymentStatus(key);
  });

  app.post("/api/reset", async (request, reply) => {
    const session = await resolveOrStartSession(ctx, request, reply, { countTowardsLimit: true });
    if (session === undefined) return reply;
    const { key, started } = session;
    const state = await agent.reset(key);
    // A session this request started already has a new cookie: a second one would leave
    // the first registered and unused (an orphan until its TTL).
    if (started) return { state };
    // A new cookie id for the new conversation; it points at the same session, so the
    // tab, balance and payment stay, and the old id stops working.
    await issueSessionCookie(ctx, reply, key);
    const old = request.cookies[SESSION_COOKIE];
    if (old !== undefined) await ctx.runtime.sessions.forget(sessionKeyOf(old));
    return { state };
  });
}
