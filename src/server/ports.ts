/**
 * What the HTTP layer needs from the rest of Maya, and nothing more. The
 * runtime built by `src/commands/runtime.ts` is adapted to this shape in
 * `runtime-adapter.ts`; tests and benches pass the same real runtime.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Emotion, PublicState, TurnResult } from "../agent/index.ts";

export type { Emotion, PublicState, TurnResult };

/** The state's payment status: pending (nothing started), processing, completed or failed. */
export type PaymentStatus = PublicState["paymentStatus"];

/** A streamed turn: checked sentences, then the final result. */
export type TurnEvent = { type: "chunk"; text: string } | { type: "done"; result: TurnResult };

/** Expected failures carry a stable code and one clear sentence. */
export interface Failure {
  code: string;
  message: string;
}

export type TipResult = { ok: true; state: PublicState } | { ok: false; failure: Failure };

export type PayResult =
  | { ok: true; url: string; paymentId: string; simulated: boolean; state: PublicState }
  | { ok: false; failure: Failure; state: PublicState };

export interface PaymentStatusView {
  status: PaymentStatus;
  state: PublicState;
}

/** The conversation agent, by session key (the hash of the cookie id). */
export interface ChatAgent {
  /** `signal` fires when the request's deadline passes or the guest goes away. */
  turn(sessionKey: string, message: string, signal: AbortSignal): Promise<TurnResult>;
  streamTurn(sessionKey: string, message: string, signal: AbortSignal): AsyncIterable<TurnEvent>;
  /** The session's state (a session never written shows the starting state). */
  state(sessionKey: string): Promise<PublicState>;
  setTip(sessionKey: string, percent: 10 | 15 | 20 | null): Promise<TipResult>;
  pay(sessionKey: string): Promise<PayResult>;
  paymentStatus(sessionKey: string): Promise<PaymentStatusView>;
  /** A new conversation; the tab, balance and payment stay. */
  reset(sessionKey: string): Promise<PublicState>;
}

/**
 * Which session a cookie belongs to. Keyed by the hash of the cookie id, so
 * the directory never holds a usable cookie. A session's key is the hash of
 * the first id it was issued under; after a reset a new id points at it and
 * the old id is forgotten.
 */
export interface SessionDirectory {
  /** The session key for this cookie hash, or undefined when the id was never issued (or expired). */
  lookup(cookieHash: string): Promise<string | undefined>;
  register(cookieHash: string, sessionKey: string): Promise<void>;
  forget(cookieHash: string): Promise<void>;
}

/** One rendered mock checkout page (the payments issue writes the HTML, escaped, script-free). */
export interface CheckoutPage {
  status: number;
  /** "shown", "completed", "already_completed", "not_found", "expired", "unavailable". */
  outcome: string;
  html: string;
}

/** The mock checkout page's logic (payments issue): GET renders, POST pays. */
export interface MockCheckout {
  render(paymentId: string): Promise<CheckoutPage>;
  complete(paymentId: string): Promise<CheckoutPage>;
}

/** The Stripe webhook handler (payments issue): raw body in, HTTP answer out. */
export interface WebhookHandler {
  handle(
    rawBody: Buffer,
    signature: string | undefined,
  ): Promise<{ status: number; body: unknown }>;
}

export interface Readiness {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** Everything the app is built from; see `runtime-adapter.ts` for the real wiring. */
export interface ServerRuntime {
  agent: ChatAgent;
  sessions: SessionDirectory;
  checkout: MockCheckout;
  webhooks: WebhookHandler;
  readiness: Readiness[];
  /** `redis://…` when sessions live in Redis: rate limits then share it too. */
  redisUrl?: string;
  close(): Promise<void>;
}

/** One point of a named rate limit (the app's own limits: memory, or Redis shared by instances). */
export interface SharedRateLimiter {
  consume(
    name: "address" | "session" | "new_session",
    key: string,
  ): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>;
}

/**
 * MCP over Streamable HTTP, mounted at `/mcp` (built by the caller from
 * `src/mcp`, so the server does not depend on it). It writes the raw
 * response itself: JSON, or an SSE stream.
 */
export interface McpEndpoint {
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    options: { parsedBody?: unknown; clientAddress?: string },
  ): Promise<void>;
  /** Ends every MCP session (and so every open stream). */
  close(): Promise<void>;
}

/** What the app lends the MCP endpoint: its rate limits and a counter for its events. */
export interface McpEndpointShared {
  rateLimiter: SharedRateLimiter;
  onEvent(event: string, detail: Record<string, unknown>): void;
}

export type McpEndpointFactory = (shared: McpEndpointShared) => McpEndpoint;
