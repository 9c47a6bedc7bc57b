import { randomBytes } from "node:crypto";

/** Session ids we accept in keys and metadata: opaque, URL-safe, bounded. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** `<sessionId>.<32 hex>`: Stripe allows up to 255 characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{1,128}\.[0-9a-f]{32}$/;

/**
 * A fresh key for one payment attempt: 128 random bits plus the session id.
 * Store it with the attempt before calling the gateway and reuse it on every
 * retry of that attempt; a new amount needs a new key.
 */
export function newIdempotencyKey(sessionId: string): string {
  if (!SESSION_ID_PATTERN.test(sessionId)) {
    throw new TypeError("sessionId must be 1-128 characters of A-Z, a-z, 0-9, _ or -");
  }
  return `${sessionId}.${randomBytes(16).toString("hex")}`;
}

export function isIdempotencyKey(value: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(value);
}

/** The session a key was made for (keys are `<sessionId>.<random>`). */
export function sessionIdOfKey(key: string): string | undefined {
  return isIdempotencyKey(key) ? key.slice(0, key.lastIndexOf(".")) : undefined;
}
