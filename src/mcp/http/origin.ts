import type { IncomingHttpHeaders } from "node:http";

/**
 * Defence against DNS rebinding: a web page on another site that resolves its
 * own name to 127.0.0.1 still sends its own Origin (and Host). Requests
 * without an Origin come from non-browser clients and pass; a present Origin
 * must be on the allow-list. The Host check applies when a list is given.
 */
export interface OriginPolicy {
  /** Exact origins (scheme://host[:port]) a browser page may call from. */
  allowedOrigins: readonly string[];
  /** Host names (no port) the server answers to; undefined = not checked. */
  allowedHosts?: readonly string[] | undefined;
}

export const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

export type OriginVerdict = { ok: true } | { ok: false; message: string };

/** Canonical `scheme://host[:port]`, or undefined for anything that is not an http(s) origin. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The host name of a Host header, lower-cased, without the port. */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(0, lower.indexOf("]") + 1);
  const colon = lower.indexOf(":");
  return colon === -1 ? lower : lower.slice(0, colon);
}

export function checkOrigin(headers: IncomingHttpHeaders, policy: OriginPolicy): OriginVerdict {
  if (policy.allowedHosts !== undefined) {
    const host = headers.host;
    if (host === undefined || !policy.allowedHosts.includes(hostName(host))) {
      return { ok: false, message: "This host name is not served here." };
    }
  }
  const origin = headers.origin;
  if (origin === undefined) return { ok: true };
  const canonical = normaliseOrigin(origin);
  const allowed = policy.allowedOrigins.map(normaliseOrigin);
  if (canonical === undefined || !allowed.includes(canonical)) {
    return { ok: false, message: "Requests from this origin are not allowed." };
  }
  return { ok: true };
}
