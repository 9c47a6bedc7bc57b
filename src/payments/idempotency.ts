import { randomBytes } from "node:crypto";

/** Session ids we accept in keys and metadata: opaque, URL-safe, bounded. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Keys we accept: URL-safe, 16 to 240 characters (Stripe allows 255; the API
 * adapter appends ":price"/":link"). Same alphabet as the bar's payment state.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_:.-]{15,239}$/;

/**
 * A fresh key for one payment attempt: `maya_<sessionId>.<128 random bits>`.
 * Store it with the attempt before calling the gateway and reuse it on every
 * retry of that attempt; a new amount needs a new key.
 */
export function newIdempotencyKey(sessionId: string): string {
  if (!SESSION_ID_PATTERN.test(sessionId)) {
    throw new TypeError("sessionId must be 1-128 characters of A-Z, a-z, 0-9, _ or -");
  }
  return `maya_${sessionId}.${randomBytes(16).toString("hex")}`;
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === "string" && IDEMPOTENCY_KEY_PATTERN.test(value);
}

/**
 * Whether a key was made for this session: it must carry the session id (or,
 * for keys made by the state store, its first 32 characters), so one guest's
 * key can never pay for another's tab.
 */
export function keyBelongsToSession(key: string, sessionId: string): boolean {
  return key.includes(sessionId.slice(0, 32));
}
