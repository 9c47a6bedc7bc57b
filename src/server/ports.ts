/**
 * What the HTTP layer needs from the rest of Maya, and nothing more. The
 * runtime built by `src/commands/runtime.ts` is adapted to this shape in
 * `runtime-adapter.ts`; tests and benches pass the same real runtime.
 */

export const EMOTIONS = ["neutral", "happy", "flustered", "thinking", "mixing", "upset"] as const;
export type Emotion = (typeof EMOTIONS)[number];

export type PaymentStatus = "pending" | "processing" | "completed" | "failed";

/** One order line as the API shows it (DESIGN: HTTP contract). */
export interface PublicOrderLine {
  item: string;
  quantity: number;
  modifiers: string[];
  unitCents: number;
  lineCents: number;
}

/** A session's state as the API shows it (DESIGN: HTTP contract). */
export interface PublicState {
  order: PublicOrderLine[];
  tabCents: number;
  balanceCents: number;
  tipPercent: 10 | 15 | 20 | null;
  tipCents: number;
  totalCents: number;
  paymentStatus: PaymentStatus;
  version: number;
}

export interface TurnResult {
  reply: string;
  emotion: Emotion;
  blocked: boolean;
  state: PublicState;
  /** The scanner that blocked the input, when `blocked`. */
  blockedBy?: string | null;
  /** True when the output scanner replaced the reply with the safe fallback. */
  replaced?: boolean;
}

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
  paymentId: string | null;
  state: PublicState;
}

/** The conversation agent, by session key (the hash of the cookie id). */
export interface ChatAgent {
  turn(sessionKey: string, message: string, signal: AbortSignal): Promise<TurnResult>;
  streamTurn(sessionKey: string, message: string, signal: AbortSignal): AsyncIterable<TurnEvent>;
  /** The session's state, creating the session when it does not exist. */
  state(sessionKey: string): Promise<PublicState>;
  /** True when the store knows this session (an unknown key starts a fresh session). */
  exists(sessionKey: string): Promise<boolean>;
  setTip(sessionKey: string, percent: 10 | 15 | 20 | null): Promise<TipResult>;
  pay(sessionKey: string): Promise<PayResult>;
  paymentStatus(sessionKey: string): Promise<PaymentStatusView>;
  /** A new conversation under `toKey` that keeps the tab, balance and payment of `fromKey`. */
  reset(fromKey: string, toKey: string): Promise<PublicState>;
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

/** Counters the agent reports into (blocked inputs, replaced outputs, payments). */
export interface ServerRuntime {
  agent: ChatAgent;
  checkout: MockCheckout;
  webhooks: WebhookHandler;
  readiness: Readiness[];
  /** `redis://…` when sessions live in Redis: rate limits then share it too. */
  redisUrl?: string;
  close(): Promise<void>;
}
