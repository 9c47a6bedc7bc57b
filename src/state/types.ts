import type {
  BarError,
  BarErrorCode,
  BarState,
  MenuItem,
  OrderLine,
  OrderRequest,
  PaymentAttempt,
  PaymentLinkInfo,
  PublicState,
  RemoveRequest,
  TipPercent,
} from "../bar/index.ts";
import type { Conversation } from "./conversation.ts";

/** One guest's session as stored: the bar state, the conversation, and a version bumped by every write. */
export interface SessionRecord {
  sessionId: string;
  /** 0 for a session never written; every successful write adds exactly 1. */
  version: number;
  createdAt: number;
  updatedAt: number;
  bar: BarState;
  conversation: Conversation;
}

export type StoreErrorCode =
  | BarErrorCode
  | "version_conflict"
  | "invalid_session_id"
  | "invalid_conversation";

export interface StoreError {
  ok: false;
  code: StoreErrorCode;
  message: string;
  field?: string;
  suggestions?: MenuItem[];
  /** For version_conflict: the version the store holds now. */
  currentVersion?: number;
}

/** Success carries the fresh record and its public (HTTP) view, plus what the operation did. */
export type SessionResult<Extra = unknown> =
  | ({ ok: true; session: SessionRecord; state: PublicState } & Extra)
  | StoreError;

export interface WriteOptions {
  /** Optimistic locking: fail with version_conflict unless the session is at this version. */
  expectedVersion?: number;
}

export type StoreKind = "sqlite" | "redis" | "memory";

/** JSON values accepted by the small keyed-record API. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * The session store port. Every write is atomic, bumps the version by one,
 * honours `expectedVersion`, and retries its own internal conflicts a bounded
 * number of times. Expected failures are typed results; a broken backend
 * (Redis down) throws StoreUnavailableError within a short deadline.
 */
export interface SessionStore {
  readonly kind: StoreKind;
  /** The session, or a fresh one at version 0 (nothing is written until the first change). */
  load(sessionId: string): Promise<SessionResult<{ isNew: boolean }>>;
  exists(sessionId: string): Promise<boolean>;
  deleteSession(sessionId: string): Promise<void>;

  orderItem(
    sessionId: string,
    request: OrderRequest,
    options?: WriteOptions,
  ): Promise<SessionResult<{ item: MenuItem; line: OrderLine; chargedCents: number }>>;
  removeItem(
    sessionId: string,
    request: RemoveRequest,
    options?: WriteOptions,
  ): Promise<SessionResult<{ item: MenuItem; removed: number; refundedCents: number }>>;
  clearOrder(
    sessionId: string,
    options?: WriteOptions,
  ): Promise<SessionResult<{ refundedCents: number }>>;
  /** 10, 15, 20 or null (no tip). */
  setTip(
    sessionId: string,
    percent: TipPercent | null,
    options?: WriteOptions,
  ): Promise<SessionResult<{ tipPercent: TipPercent | null }>>;
  /** Same percent again removes the tip. */
  toggleTip(
    sessionId: string,
    percent: TipPercent,
    options?: WriteOptions,
  ): Promise<SessionResult<{ tipPercent: TipPercent | null }>>;

  /**
   * Starts a payment attempt for tab + tip and stores its idempotency key before
   * anyone calls a gateway (status → processing). While that attempt is out,
   * calling again returns the same attempt (`reused: true`).
   */
  startPayment(
    sessionId: string,
    options?: WriteOptions & { idempotencyKey?: string },
  ): Promise<SessionResult<{ attempt: PaymentAttempt; reused: boolean }>>;
  /** Records the link for the current attempt: payment id, url, simulated, which fallback. */
  attachPaymentLink(
    sessionId: string,
    info: PaymentLinkInfo,
    options?: WriteOptions,
  ): Promise<SessionResult<{ attempt: PaymentAttempt }>>;
  /** Exactly once: tab and tip to zero, status completed. Again → `already_completed`. */
  completePayment(
    sessionId: string,
    paymentId: string,
    options?: WriteOptions,
  ): Promise<SessionResult<{ paidCents: number; tipCents: number }>>;
  failPayment(
    sessionId: string,
    failure: { reason: string; idempotencyKey?: string; needsReconciliation?: boolean },
    options?: WriteOptions,
  ): Promise<SessionResult>;

  /** Flags money that moved without matching the tab (e.g. a late payment of a stale link) for a person. */
  flagReconciliation(
    sessionId: string,
    reason: string,
    options?: WriteOptions,
  ): Promise<SessionResult>;

  /** Changes the conversation record; `update` may run more than once (retries), so keep it pure. */
  updateConversation(
    sessionId: string,
    update: (conversation: Conversation) => Conversation,
    options?: WriteOptions,
  ): Promise<SessionResult>;
  /** A new conversation; the tab, balance and payment stay (a reset never erases money owed). */
  resetConversation(sessionId: string, options?: WriteOptions): Promise<SessionResult>;

  /** True the first time an event id is seen (webhook de-duplication, shared across instances on Redis). */
  markEventProcessed(eventId: string, ttlMs?: number): Promise<boolean>;
  /** Undoes `markEventProcessed` (the event could not be recorded), so a redelivery is processed. */
  forgetEvent(eventId: string): Promise<void>;
  /** Small shared records with a TTL; `ifAbsent` stores only when missing. Returns whether it stored. */
  putRecord(
    namespace: string,
    key: string,
    value: JsonValue,
    options: { ttlMs: number; ifAbsent?: boolean },
  ): Promise<boolean>;
  getRecord<T extends JsonValue = JsonValue>(namespace: string, key: string): Promise<T | null>;
  deleteRecord(namespace: string, key: string): Promise<void>;

  /** Removes expired sessions and records and frees idle session locks; runs on a timer too. */
  sweep(): Promise<{ sessions: number; records: number }>;
  /** Throws StoreUnavailableError when the backend cannot answer (readiness probes). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type { BarError };
