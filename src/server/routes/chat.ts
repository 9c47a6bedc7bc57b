import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ServerContext } from "../context.ts";
import { GuestGoneError, RequestTimeoutError, requestDeadline, untilAborted } from "../deadline.ts";
import { isStoreUnavailable, STORE_UNAVAILABLE, sendError } from "../errors.ts";
import type { TurnResult } from "../ports.ts";
import { resolveSession } from "../sessions.ts";
import { messageTooLong } from "../settings.ts";

const chatBody = z.object({ message: z.string() });

/** The public shape of a turn (DESIGN): nothing internal leaks to the guest. */
function publicTurn(result: TurnResult) {
  return {
    reply: result.reply,
    emotion: result.emotion,
    blocked: result.blocked,
    state: result.state,
  };
}

function sseFrame(event: string, data: unknown): string {
  // JSON never contains a raw newline, so one `data:` line is always enough.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function wantsStream(request: FastifyRequest): boolean {
  return /\btext\/event-stream\b/i.test(request.headers.accept ?? "");
}

/** Fires at the request's deadline, or when the guest goes away: no work on a reply nobody reads. */
function turnSignal(reply: FastifyReply, deadline: AbortSignal): AbortSignal {
  const gone = new AbortController();
  reply.raw.on("close", () => {
    if (!reply.raw.writableFinished) gone.abort(new GuestGoneError("the guest went away"));
  });
  return AbortSignal.any([deadline, gone.signal]);
}

const TIMEOUT_MESSAGE = "Maya took too long to answer. Please try again.";
const ERROR_MESSAGE = "Something went wrong behind the bar. Please try again.";

export function chatRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { agent } = ctx.runtime;

  function record(result: TurnResult, mode: "json" | "stream", startedAt: bigint): void {
    // Which scanner blocked or replaced what is counted by the agent's metrics hook.
    ctx.metrics.turns.inc({ outcome: result.blocked ? "guarded" : "ok", mode });
    ctx.metrics.turnSeconds.observe({ mode }, Number(process.hrtime.bigint() - startedAt) / 1e9);
  }

  function fail(error: unknown, mode: "json" | "stream") {
    if (error instanceof GuestGoneError) {
      // Nobody is there to read the answer; not an error of ours.
      ctx.metrics.turns.inc({ outcome: "abandoned", mode });
      ctx.logger.info({ event: "turn_abandoned", mode }, "the guest left during a turn");
      return { status: 499, error: "abandoned", message: "The guest went away." };
    }
    if (isStoreUnavailable(error)) {
      ctx.metrics.turns.inc({ outcome: "error", mode });
      ctx.logger.warn({ event: "store_unavailable", mode }, "store unavailable during a turn");
      return { status: 503, ...STORE_UNAVAILABLE };
    }
    const timedOut = error instanceof RequestTimeoutError;
    ctx.metrics.turns.inc({ outcome: timedOut ? "timeout" : "error", mode });
    if (timedOut) {
      ctx.logger.warn({ event: "turn_timeout", mode }, "chat turn timed out");
      return { status: 504, error: "timeout", message: TIMEOUT_MESSAGE };
    }
    ctx.logger.error({ event: "turn_failed", mode, err: error }, "chat turn failed");
    return { status: 500, error: "internal_error", message: ERROR_MESSAGE };
  }

  app.post("/api/chat", async (request, reply) => {
    const parsed = chatBody.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        "invalid_body",
        'Send a JSON object like {"message": "a Negroni, please"}.',
      );
    }
    const { message } = parsed.data;
    const tooLong = messageTooLong(message, ctx.settings.maxMessageChars);
    if (tooLong) return sendError(reply, 400, "message_too_long", tooLong);
    const key = await resolveSession(ctx, request, reply, { countTowardsLimit: true });
    if (key === undefined) return reply;
    const startedAt = process.hrtime.bigint();
    if (wantsStream(request)) return streamTurn(reply, key, message, startedAt);

    const deadline = requestDeadline(ctx.settings.requestTimeoutMs);
    const signal = turnSignal(reply, deadline.signal);
    try {
      const result = await untilAborted(agent.turn(key, message, signal), signal);
      record(result, "json", startedAt);
      return publicTurn(result);
    } catch (error) {
      const failure = fail(error, "json");
      return sendError(reply, failure.status, failure.error, failure.message);
    } finally {
      deadline.clear();
    }
  });

  function streamTurn(reply: FastifyReply, key: string, message: string, startedAt: bigint) {
    const deadline = requestDeadline(ctx.settings.requestTimeoutMs);
    const signal = turnSignal(reply, deadline.signal);

    async function* frames(): AsyncGenerator<string> {
      const events = agent.streamTurn(key, message, signal)[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await untilAborted(events.next(), signal);
          if (next.done) break;
          const event = next.value;
          if (event.type === "chunk") {
            yield sseFrame("chunk", { text: event.text });
          } else {
            record(event.result, "stream", startedAt);
            yield sseFrame("done", publicTurn(event.result));
            return;
          }
        }
        throw new Error("the agent's stream ended without a result");
      } catch (error) {
        const failure = fail(error, "stream");
        yield sseFrame("error", { error: failure.error, message: failure.message });
      } finally {
        deadline.clear();
        // Not awaited: an aborted turn may still be winding down inside the agent.
        events.return?.()?.catch(() => {});
      }
    }

    reply
      .header("content-type", "text/event-stream; charset=utf-8")
      .header("cache-control", "no-cache, no-transform")
      .header("x-accel-buffering", "no");
    return reply.send(Readable.from(frames()));
  }
}
