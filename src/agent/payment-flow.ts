import type { PublicState } from "../bar/index.ts";
import type { Logger } from "../config/index.ts";
import type { Guard } from "../guard/index.ts";
import { newIdempotencyKey, type PaymentGateway, type PaymentStatus } from "../payments/index.ts";
import type { SessionStore } from "../state/index.ts";
import type { MetricsHook } from "./metrics.ts";
import { errorSummary } from "./provider-errors.ts";

/**
 * Paying a tab: state first (the idempotency key is stored before any
 * gateway call), then the gateway, then the link back into state. Whatever
 * the gateway says passes the input scanner before a model or guest sees it.
 */

export type PayResult =
  | {
      ok: true;
      url: string;
      simulated: boolean;
      amountCents: number;
      paymentId: string;
      state: PublicState;
    }
  | { ok: false; code: string; message: string; state?: PublicState };

export type StatusResult =
  | { ok: true; status: PaymentStatus | "none"; state: PublicState }
  | { ok: false; code: string; message: string };

export interface PaymentFlowDeps {
  store: SessionStore;
  gateway: PaymentGateway;
  guard: Guard;
  logger: Logger;
  onEvent: MetricsHook;
  currency?: string;
}

export interface PaymentFlow {
  pay(sessionId: string): Promise<PayResult>;
  status(sessionId: string): Promise<StatusResult>;
  /** For webhooks and the mock checkout: completes the session's payment exactly once. */
  complete(
    sessionId: string,
    paymentId: string,
  ): Promise<"completed" | "already_completed" | "not_found">;
}

/** paymentId → sessionId, for webhooks (see the runtime). */
export const PAYMENT_SESSION_RECORDS = "payment-session";
const PAYMENT_SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const UNAVAILABLE =
  "The payment service is unavailable right now. Your tab is safe; please try again in a little while.";

/**
 * A payment link is outside data: it must be a plain http(s) URL on a host the
 * guard allows in replies, and its path and query (decoded) must pass the
 * input scanner. The host is checked structurally: classifiers read whole
 * URLs poorly, and an allow-list is the stronger rule anyway.
 */
async function linkProblem(raw: string, guard: Guard): Promise<string | null> {
  if (raw.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(raw)) return "malformed";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "malformed";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (url.username || url.password) return "credentials";
  const host = url.hostname.toLowerCase();
  const { allowedUrlHosts, blockUnlistedUrls } = guard.config;
  if (blockUnlistedUrls && !allowedUrlHosts.some((h) => host === h || host.endsWith(`.${h}`)))
    return "host";
  let words: string;
  try {
    words = decodeURIComponent(`${url.pathname} ${url.search} ${url.hash}`.replace(/\+/g, " "));
  } catch {
    return "malformed";
  }
  const scan = await guard.scanInput(words.replace(/[/?&=#]+/g, " ").trim());
  return scan.isValid ? null : `scan:${scan.blockedBy ?? "unknown"}`;
}

export function createPaymentFlow(deps: PaymentFlowDeps): PaymentFlow {
  const { store, gateway, guard, logger, onEvent } = deps;
  const currency = deps.currency ?? "usd";

  async function failAttempt(
    sessionId: string,
    idempotencyKey: string,
    reason: string,
  ): Promise<PublicState | undefined> {
    const failed = await store.failPayment(sessionId, { reason, idempotencyKey });
    return failed.ok ? failed.state : undefined;
  }

  async function pay(sessionId: string): Promise<PayResult> {
    const started = await store.startPayment(sessionId, {
      idempotencyKey: newIdempotencyKey(sessionId),
    });
    if (!started.ok) return { ok: false, code: started.code, message: started.message };
    const { attempt } = started;
    if (started.reused && attempt.url && attempt.paymentId) {
      return {
        ok: true,
        url: attempt.url,
        simulated: attempt.simulated,
        amountCents: attempt.amountCents,
        paymentId: attempt.paymentId,
        state: started.state,
      };
    }
    const link = await gateway.createPaymentLink({
      amountCents: attempt.amountCents,
      currency,
      description: "MOK 5-ha bar tab",
      idempotencyKey: attempt.idempotencyKey,
      metadata: { sessionId },
    });
    if (!link.ok) {
      logger.warn(
        { event: "agent.payment_failed", code: link.failure.code },
        "payment link not created",
      );
      onEvent("agent_payment_failed", { code: link.failure.code });
      const state = await failAttempt(sessionId, attempt.idempotencyKey, link.failure.message);
      const message =
        link.failure.code === "payment_unavailable" ? UNAVAILABLE : link.failure.message;
      return { ok: false, code: link.failure.code, message, ...(state ? { state } : {}) };
    }
    const problem = await linkProblem(link.url, guard);
    if (problem !== null) {
      logger.warn(
        { event: "agent.tool_result_blocked", tool: "create_payment", problem },
        "unsafe payment link",
      );
      onEvent("agent_tool_result_blocked", { tool: "create_payment" });
      const state = await failAttempt(sessionId, attempt.idempotencyKey, "unsafe payment link");
      return {
        ok: false,
        code: "unsafe_payment_link",
        message: UNAVAILABLE,
        ...(state ? { state } : {}),
      };
    }
    const attached = await store.attachPaymentLink(sessionId, {
      idempotencyKey: attempt.idempotencyKey,
      paymentId: link.paymentId,
      url: link.url,
      simulated: link.simulated,
      fallback: link.fallback ?? "none",
    });
    if (!attached.ok) return { ok: false, code: attached.code, message: attached.message };
    // Webhooks for links made without session metadata (the Stripe MCP tools) find the session here.
    await store
      .putRecord(PAYMENT_SESSION_RECORDS, link.paymentId, sessionId, {
        ttlMs: PAYMENT_SESSION_TTL_MS,
      })
      .catch((error: unknown) =>
        logger.warn(
          { event: "agent.payment_index_failed", error: errorSummary(error) },
          "payment index not stored",
        ),
      );
    onEvent("agent_payment_link_created", {
      provider: link.provider,
      simulated: String(link.simulated),
    });
    return {
      ok: true,
      url: link.url,
      simulated: link.simulated,
      amountCents: attempt.amountCents,
      paymentId: link.paymentId,
      state: attached.state,
    };
  }

  async function status(sessionId: string): Promise<StatusResult> {
    const loaded = await store.load(sessionId);
    if (!loaded.ok) return { ok: false, code: loaded.code, message: loaded.message };
    const { payment } = loaded.session.bar;
    const paymentId = payment.attempt?.paymentId ?? null;
    if (payment.status === "completed")
      return { ok: true, status: "succeeded", state: loaded.state };
    if (payment.status !== "processing" || paymentId === null) {
      return {
        ok: true,
        status: payment.status === "failed" ? "failed" : "none",
        state: loaded.state,
      };
    }
    const answer = await gateway.getStatus(paymentId);
    if (!answer.ok) return { ok: false, code: answer.failure.code, message: UNAVAILABLE };
    if (answer.status === "succeeded") {
      await complete(sessionId, paymentId);
    } else if (answer.status === "failed" || answer.status === "expired") {
      await store.failPayment(sessionId, {
        reason: `payment ${answer.status}`,
        idempotencyKey: payment.attempt!.idempotencyKey,
      });
    }
    const fresh = await store.load(sessionId);
    if (!fresh.ok) return { ok: false, code: fresh.code, message: fresh.message };
    return { ok: true, status: answer.status, state: fresh.state };
  }

  async function complete(
    sessionId: string,
    paymentId: string,
  ): Promise<"completed" | "already_completed" | "not_found"> {
    const done = await store.completePayment(sessionId, paymentId);
    if (done.ok) {
      logger.info({ event: "agent.payment_completed" }, "payment completed");
      onEvent("agent_payment_completed", {});
      return "completed";
    }
    if (done.code === "already_completed") return "already_completed";
    return "not_found";
  }

  return { pay, status, complete };
}
