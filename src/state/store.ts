import { setTimeout as sleep } from "node:timers/promises";
import {
  attachPaymentLink as attachLink,
  type BarError,
  type BarState,
  checkBarState,
  clearOrder as clearLines,
  completePayment as complete,
  failPayment as fail,
  flagReconciliation as flag,
  initialBarState,
  orderItem as order,
  publicState,
  removeItem as remove,
  startPayment as start,
  setTip as tip,
  toggleTip as toggle,
} from "../bar/index.ts";
import type { StoreBackend } from "./backend.ts";
import {
  type Conversation,
  conversationSchema,
  initialConversation,
  trimHistory,
} from "./conversation.ts";
import { StoreClosedError } from "./errors.ts";
import { assertRecordKey, checkSessionId, isValidSessionId, newIdempotencyKey } from "./ids.ts";
import { KeyedMutex, sessionLocks } from "./lock.ts";
import type {
  JsonValue,
  SessionRecord,
  SessionResult,
  SessionStore,
  StoreError,
  WriteOptions,
} from "./types.ts";

export interface StoreOptions {
  /** Idle sessions expire after this long (default 1 h). */
  ttlMs?: number;
  /** How often the sweep runs; 0 turns the timer off (default 60 s). */
  sweepIntervalMs?: number;
  /** Compare-and-set attempts per write before reporting version_conflict (default 8). */
  maxAttempts?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** Called when the background sweep fails (for example Redis is down). */
  onSweepError?: (error: unknown) => void;
}

export const DEFAULT_SESSION_TTL_MS = 3_600_000;
const DEFAULT_EVENT_TTL_MS = 7 * 24 * 3_600_000;
/** Record namespace of processed webhook event ids. */
const EVENT_NAMESPACE = "event";

/** What an operation wants to change, or why it refuses. */
type Change<Extra> =
  | { ok: true; bar?: BarState; conversation?: Conversation; unchanged?: boolean; extra: Extra }
  | StoreError;

function freshRecord(sessionId: string, now: number): SessionRecord {
  return {
    sessionId,
    version: 0,
    createdAt: now,
    updatedAt: now,
    bar: initialBarState(),
    conversation: initialConversation(),
  };
}

/** Reads a stored record back; a record that breaks the bar's rules is corruption, not a guest error. */
function decode(sessionId: string, version: number, data: string): SessionRecord {
  const raw = JSON.parse(data) as SessionRecord;
  const bar = checkBarState(raw.bar);
  if (!bar.ok) throw new Error(`Stored session is corrupt: ${bar.message}`);
  const conversation = conversationSchema.parse(raw.conversation);
  return {
    sessionId,
    version,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    bar: bar.state,
    conversation,
  };
}

/** The answer to a read or write: the record, the state clients see, and what the operation adds. */
function stored<Extra>(record: SessionRecord, extra: Extra) {
  return {
    ok: true as const,
    session: record,
    state: publicState(record.bar, record.version),
    ...extra,
  };
}

function conflict(current: number, message: string): StoreError {
  return { ok: false, code: "version_conflict", message, currentVersion: current };
}

/** Builds the SessionStore on top of any backend: domain rules, versions, retries, expiry. */
export function createSessionStore(
  backend: StoreBackend,
  options: StoreOptions = {},
): SessionStore {
  const ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const now = options.now ?? Date.now;
  // Writes of one session in this process queue up instead of racing each
  // other's compare-and-set; races with other processes are retried below.
  const writes = new KeyedMutex();
  let closed = false;

  const ensureOpen = () => {
    if (closed) throw new StoreClosedError("The session store is closed.");
  };

  async function read(sessionId: string): Promise<{ record: SessionRecord; isNew: boolean }> {
    const stored = await backend.load(sessionId, now());
    if (!stored) return { record: freshRecord(sessionId, now()), isNew: true };
    return { record: decode(sessionId, stored.version, stored.data), isNew: false };
  }

  async function mutate<Extra>(
    sessionId: string,
    options: WriteOptions | undefined,
    change: (record: SessionRecord) => Change<Extra>,
  ): Promise<SessionResult<Extra>> {
    ensureOpen();
    const invalid = checkSessionId(sessionId);
    if (invalid) return invalid;
    const expected = options?.expectedVersion;
    if (expected !== undefined && (!Number.isSafeInteger(expected) || expected < 0)) {
      return conflict(-1, "The expected version must be a whole number of at least 0.");
    }
    return writes.run(sessionId, async () => {
      for (let attempt = 1; ; attempt++) {
        const { record } = await read(sessionId);
        if (expected !== undefined && record.version !== expected) {
          return conflict(
            record.version,
            `The session changed (now at version ${record.version}, expected ${expected}); please reload and try again.`,
          );
        }
        const outcome = change(record);
        if (!outcome.ok) return outcome;
        if (outcome.unchanged) return stored(record, outcome.extra);
        const at = now();
        const next: SessionRecord = {
          ...record,
          version: record.version + 1,
          updatedAt: at,
          bar: outcome.bar ?? record.bar,
          conversation: outcome.conversation ?? record.conversation,
        };
        const checked = checkBarState(next.bar);
        if (!checked.ok)
          throw new Error(`Refusing to store an invalid bar state: ${checked.message}`);
        const written = await backend.compareAndSet(
          sessionId,
          record.version,
          next.version,
          JSON.stringify(next),
          ttlMs,
          at,
        );
        if (written) return stored(next, outcome.extra);
        if (expected !== undefined) {
          return conflict(-1, "The session changed while saving; please reload and try again.");
        }
        if (attempt >= maxAttempts) {
          return conflict(-1, "The session is busy; please try again in a moment.");
        }
        // Full jitter: another process holds the session; give it room, briefly.
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    });
  }

  /** Adapts a pure bar operation ({ ok, state, ...extra } or a BarError) to a store change. */
  function barChange<T extends { ok: true; state: BarState } | BarError>(
    result: T,
  ): Change<Omit<Extract<T, { ok: true }>, "ok" | "state">> {
    if (!result.ok) return result as BarError;
    const { ok: _ok, state, ...extra } = result as Extract<T, { ok: true }>;
    return { ok: true, bar: state, extra };
  }

  function conversationChange(value: Conversation): Change<object> {
    const parsed = conversationSchema.safeParse(trimHistory(value));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join(".") || "conversation";
      return {
        ok: false,
        code: "invalid_conversation",
        field,
        message: `Invalid ${field}: ${issue.message}`,
      };
    }
    return { ok: true, conversation: parsed.data, extra: {} };
  }

  const jsonRecord = (value: JsonValue) => JSON.stringify(value);

  async function sweep() {
    ensureOpen();
    const result = await backend.sweep(now());
    sessionLocks.prune();
    writes.prune();
    return result;
  }

  const timerMs = options.sweepIntervalMs ?? 60_000;
  const timer =
    timerMs > 0
      ? setInterval(() => {
          sweep().catch((error) => options.onSweepError?.(error));
        }, timerMs)
      : undefined;
  timer?.unref();

  return {
    kind: backend.kind,

    async load(sessionId) {
      ensureOpen();
      const invalid = checkSessionId(sessionId);
      if (invalid) return invalid;
      const { record, isNew } = await read(sessionId);
      return stored(record, { isNew });
    },

    async exists(sessionId) {
      ensureOpen();
      if (!isValidSessionId(sessionId)) return false;
      return (await backend.load(sessionId, now())) !== null;
    },

    async deleteSession(sessionId) {
      ensureOpen();
      if (isValidSessionId(sessionId)) await backend.delete(sessionId);
    },

    orderItem: (sessionId, request, options) =>
      mutate(sessionId, options, (r) => barChange(order(r.bar, request))),
    removeItem: (sessionId, request, options) =>
      mutate(sessionId, options, (r) => barChange(remove(r.bar, request))),
    clearOrder: (sessionId, options) =>
      mutate(sessionId, options, (r) => barChange(clearLines(r.bar))),
    setTip: (sessionId, percent, options) =>
      mutate(sessionId, options, (r) => barChange(tip(r.bar, percent))),
    toggleTip: (sessionId, percent, options) =>
      mutate(sessionId, options, (r) => barChange(toggle(r.bar, percent))),

    startPayment(sessionId, options) {
      // One key per call, kept across internal retries; a rejoined attempt keeps its own key.
      const idempotencyKey = options?.idempotencyKey ?? newIdempotencyKey(sessionId);
      return mutate(sessionId, options, (r) => {
        const result = start(r.bar, { idempotencyKey, now: now() });
        if (!result.ok) return result;
        // Rejoining the attempt already out changes nothing, so nothing is written.
        if (result.reused)
          return { ok: true, unchanged: true, extra: { attempt: result.attempt, reused: true } };
        return barChange(result);
      });
    },

    attachPaymentLink: (sessionId, info, options) =>
      mutate(sessionId, options, (r) => barChange(attachLink(r.bar, info))),
    completePayment: (sessionId, paymentId, options) =>
      mutate(sessionId, options, (r) => barChange(complete(r.bar, paymentId))),
    failPayment: (sessionId, failure, options) =>
      mutate(sessionId, options, (r) => barChange(fail(r.bar, failure))),

    flagReconciliation: (sessionId, reason, options) =>
      mutate(sessionId, options, (r) => barChange(flag(r.bar, reason))),

    updateConversation: (sessionId, update, options) =>
      mutate(sessionId, options, (r) =>
        conversationChange(update(structuredClone(r.conversation))),
      ),
    resetConversation: (sessionId, options) =>
      mutate(sessionId, options, () => conversationChange(initialConversation())),

    async markEventProcessed(eventId, ttlMs = DEFAULT_EVENT_TTL_MS) {
      ensureOpen();
      assertRecordKey("Event id", eventId);
      return backend.putRecord(EVENT_NAMESPACE, eventId, "1", ttlMs, true, now());
    },
    async forgetEvent(eventId) {
      ensureOpen();
      assertRecordKey("Event id", eventId);
      await backend.deleteRecord(EVENT_NAMESPACE, eventId);
    },
    async putRecord(namespace, key, value, { ttlMs, ifAbsent = false }) {
      ensureOpen();
      assertRecordKey("Record namespace", namespace);
      assertRecordKey("Record key", key);
      if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
        throw new RangeError("ttlMs must be a positive integer.");
      return backend.putRecord(namespace, key, jsonRecord(value), ttlMs, ifAbsent, now());
    },
    async getRecord<T extends JsonValue = JsonValue>(
      namespace: string,
      key: string,
    ): Promise<T | null> {
      ensureOpen();
      assertRecordKey("Record namespace", namespace);
      assertRecordKey("Record key", key);
      const raw = await backend.getRecord(namespace, key, now());
      return raw === null ? null : (JSON.parse(raw) as T);
    },
    async deleteRecord(namespace, key) {
      ensureOpen();
      assertRecordKey("Record namespace", namespace);
      assertRecordKey("Record key", key);
      await backend.deleteRecord(namespace, key);
    },

    sweep,
    async ping() {
      ensureOpen();
      await backend.ping();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await backend.close();
    },
  };
}
