import { randomUUID } from "node:crypto";
import type { StoreError } from "./types.ts";

/**
 * Session ids are opaque tokens chosen by the server (a hash of the cookie):
 * URL-safe characters only, 16 to 128 long. Anything else is refused before it
 * reaches a key or a SQL statement.
 */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function isValidSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID_PATTERN.test(value);
}

export function checkSessionId(value: unknown): StoreError | undefined {
  if (isValidSessionId(value)) return undefined;
  const length = typeof value === "string" ? value.length : 0;
  return {
    ok: false,
    code: "invalid_session_id",
    message:
      typeof value !== "string"
        ? "The session id must be a string."
        : length < 16 || length > 128
          ? `The session id must be 16 to 128 characters long (got ${length}).`
          : "The session id may contain only letters, digits, '-' and '_'.",
  };
}

/** A fresh random session id (256 bits, URL-safe), for callers that need one. */
export function newSessionId(): string {
  return `${randomUUID().replaceAll("-", "")}${randomUUID().replaceAll("-", "")}`;
}

/**
 * An idempotency key for one payment attempt: the session (so a key can never
 * serve another guest) plus 122 random bits. Fits Stripe's 255-character limit.
 */
export function newIdempotencyKey(sessionId: string): string {
  return `maya_${sessionId.slice(0, 32)}_${randomUUID()}`;
}

/** Event ids and record keys: printable, no whitespace, bounded. */
export const RECORD_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

export function assertRecordKey(kind: string, value: string): void {
  if (typeof value !== "string" || !RECORD_KEY_PATTERN.test(value)) {
    throw new TypeError(
      `${kind} must be 1-200 characters of letters, digits, '_', '.', ':' or '-'.`,
    );
  }
}
