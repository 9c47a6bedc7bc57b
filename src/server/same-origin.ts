import type { FastifyRequest } from "fastify";

/**
 * CSRF defence for state-changing requests: the browser must say the request
 * comes from our own origin. `Sec-Fetch-Site` (when sent) must be
 * "same-origin" and `Origin` (when sent) must equal ours; a request with
 * neither header is refused too, so a client has to state where it comes from.
 * Both headers are set by the browser itself; a page cannot forge them.
 */

export type OriginCheck = { ok: true } | { ok: false; reason: string };

export function expectedOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return new URL(publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

export function checkSameOrigin(
  request: FastifyRequest,
  publicUrl: string | undefined,
): OriginCheck {
  const site = request.headers["sec-fetch-site"];
  // Browsers send "Origin: null" for form posts under `Referrer-Policy: no-referrer`:
  // it says nothing either way, so Sec-Fetch-Site has to vouch for the request.
  const origin = request.headers.origin === "null" ? undefined : request.headers.origin;
  if (site === undefined && origin === undefined) {
    return { ok: false, reason: "missing_origin" };
  }
  if (site !== undefined && site !== "same-origin") {
    return { ok: false, reason: "cross_site" };
  }
  if (origin !== undefined && origin !== expectedOrigin(request, publicUrl)) {
    return { ok: false, reason: "foreign_origin" };
  }
  return { ok: true };
}

/** JSON only: a body, when there is one, must be declared `application/json`. */
export function isJsonOrEmpty(request: FastifyRequest): boolean {
  const type = request.headers["content-type"];
  if (type === undefined) {
    const length = request.headers["content-length"];
    return (
      (length === undefined || length === "0") && request.headers["transfer-encoding"] === undefined
    );
  }
  return /^application\/json\s*(;|$)/i.test(type);
}
