import { AsyncLocalStorage } from "node:async_hooks";
import { checkSessionId } from "./ids.ts";

/**
 * The session a piece of work runs for: the Node counterpart of a thread-local.
 * Tools read the session from here, never from their arguments. The context
 * exists only inside `runInSession`, so it cannot leak to a later request,
 * also when the function throws.
 */
const storage = new AsyncLocalStorage<{ sessionId: string }>();

export function runInSession<T>(sessionId: string, fn: () => T): T {
  const invalid = checkSessionId(sessionId);
  if (invalid) throw new TypeError(invalid.message);
  return storage.run({ sessionId }, fn);
}

/** The current session id, or undefined outside `runInSession`. */
export function currentSessionId(): string | undefined {
  return storage.getStore()?.sessionId;
}

/** The current session id; calling it outside a session is a bug. */
export function requireSessionId(): string {
  const sessionId = currentSessionId();
  if (sessionId === undefined)
    throw new Error("No session in context: call this inside runInSession().");
  return sessionId;
}
