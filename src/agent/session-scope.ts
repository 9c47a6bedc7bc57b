import { runInSession, withSessionLock } from "../state/index.ts";

/**
 * Runs `fn` as one action of a session: inside its context (tools read the
 * session only from there) and holding its lock, so a chat turn, a button
 * press and an MCP tool call of one session never interleave.
 */
export function inLockedSession<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
  return runInSession(sessionId, () => withSessionLock(sessionId, fn));
}
