import { createHash, randomBytes } from "node:crypto";
import type { CookieSerializeOptions } from "@fastify/cookie";

/**
 * The guest's session cookie: an opaque 256-bit random id. The store never
 * sees the id itself, only its SHA-256 (the "session key"), so a leaked
 * database or log line cannot be replayed as a cookie.
 */

export const SESSION_COOKIE = "__Host-maya_sid";

/** 32 random bytes in base64url: exactly 43 characters. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const SESSION_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: "/",
  httpOnly: true,
  secure: true,
  sameSite: "strict",
};

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function isWellFormedSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID_PATTERN.test(value);
}

/** The key state is stored under: base64url SHA-256 of the cookie id (43 characters). */
export function sessionKeyOf(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("base64url");
}
