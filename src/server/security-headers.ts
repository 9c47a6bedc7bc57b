import type { FastifyHelmetOptions } from "@fastify/helmet";
import type { ServerSettings } from "./settings.ts";

/**
 * Helmet's settings: a strict Content-Security-Policy (our own origin only,
 * no inline script or style, never framed), nosniff, no referrer. HSTS and
 * upgrade-insecure-requests only when the public URL is https, so that
 * http://127.0.0.1 keeps working.
 */
export function securityHeaders(settings: ServerSettings): FastifyHelmetOptions {
  const https = settings.publicUrl?.startsWith("https:") ?? false;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: "no-referrer" },
    frameguard: { action: "deny" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  };
}
