/** Sessions: the SessionStore port, its sqlite (default), redis and memory adapters, session context and locks. */
export { currentSessionId, requireSessionId, runInSession } from "./context.ts";
export {
  type Conversation,
  type ConversationMessage,
  conversationSchema,
  initialConversation,
  MAX_HISTORY_MESSAGES,
  MAX_MESSAGE_CHARS,
  PHASES,
  type Phase,
} from "./conversation.ts";
export { StoreClosedError, StoreUnavailableError } from "./errors.ts";
export {
  isValidSessionId,
  newIdempotencyKey,
  newSessionId,
  SESSION_ID_PATTERN,
} from "./ids.ts";
export { KeyedMutex, sessionLocks, withSessionLock } from "./lock.ts";
export { DEFAULT_STORE_URL, type OpenStoreOptions, openStore } from "./open.ts";
export { type ConnectRedisOptions, connectRedis, type RedisClient } from "./redis-client.ts";
export { createSessionStore, DEFAULT_SESSION_TTL_MS, type StoreOptions } from "./store.ts";
export type {
  JsonValue,
  SessionRecord,
  SessionResult,
  SessionStore,
  StoreError,
  StoreErrorCode,
  StoreKind,
  WriteOptions,
} from "./types.ts";
