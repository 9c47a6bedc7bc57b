import type { LanguageModelV4 } from "@ai-sdk/provider";
import type { PublicState } from "../bar/index.ts";
import type { Logger } from "../config/index.ts";
import type { Guard } from "../guard/index.ts";
import type { PaymentGateway } from "../payments/index.ts";
import type { SessionStore } from "../state/index.ts";
import type { Emotion } from "./emotion.ts";
import type { MetricsHook } from "./metrics.ts";
import type { PayResult, StatusResult } from "./payment-flow.ts";

export type { PublicState };

/** One uniform answer for every turn: a reply, an emotion, whether a guard stepped in, and the fresh state. */
export interface TurnResult {
  reply: string;
  emotion: Emotion;
  /** True when the guard blocked the message or replaced the reply. */
  blocked: boolean;
  state: PublicState;
}

/** Streamed pieces of a turn: output-scanned sentences, then the final result. */
export type TurnEvent = { type: "sentence"; text: string } | { type: "done"; result: TurnResult };

export interface AgentSettings {
  /** Model steps (calls) per turn; tool round trips count. */
  maxSteps: number;
  /** Wall-clock deadline of one turn, model and tools included. */
  turnTimeoutMs: number;
  /** The per-process canary planted in the system prompt (see `createCanary`). */
  canary: string;
  /** Conversation messages sent to the model with each turn (default 20). */
  historyMessages?: number;
  /** Provider retries inside a turn, bounded by the deadline (default 2). */
  maxRetries?: number;
}

export interface AgentDeps {
  store: SessionStore;
  payments: PaymentGateway;
  guard: Guard;
  model: LanguageModelV4;
  logger?: Logger;
  /** Counts agent and payment events (`/metrics`). */
  onEvent?: MetricsHook;
  settings: AgentSettings;
}

export interface TurnOptions {
  signal?: AbortSignal;
}

export type ActionResult =
  | { ok: true; state: PublicState }
  | { ok: false; code: string; message: string };

export interface Agent {
  /** `signal`: the caller gave up (client gone); the turn also ends at its own deadline. */
  turn(sessionId: string, message: string, options?: TurnOptions): Promise<TurnResult>;
  streamTurn(sessionId: string, message: string, options?: TurnOptions): AsyncIterable<TurnEvent>;
  state(sessionId: string): Promise<PublicState>;
  /** 10, 15 or 20 toggles that tip; null removes it. */
  setTip(sessionId: string, percent: number | null): Promise<ActionResult>;
  /** A direct pay action (the guest pressed Pay: that is the confirmation). */
  pay(sessionId: string): Promise<PayResult>;
  paymentStatus(sessionId: string): Promise<StatusResult>;
  /** A new conversation; the tab, balance and payment stay. */
  reset(sessionId: string): Promise<ActionResult>;
  /** Completes a session's payment exactly once (webhook and mock checkout hooks). */
  completePayment(
    sessionId: string,
    paymentId: string,
  ): Promise<"completed" | "already_completed" | "not_found">;
}
