import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerContext } from "./context.ts";
import { sendError } from "./errors.ts";
import { refuseRateLimited } from "./rate-limited.ts";
import { checkSameOrigin, isJsonOrEmpty } from "./same-origin.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Paths that cost real work and so pass load shedding and the per-address limit. */
function isGuestWork(path: string): boolean {
  return path.startsWith("/api/") || path.startsWith("/pay/");
}

/** MCP at /mcp checks its own token, origin and limits; it only shares load shedding. */
const MCP_PATH = "/mcp";

/**
 * The route the router matched (`/api/chat`, `/pay/mock/:id`), not the raw
 * URL: the router decodes percent-escapes, so `/%61pi/chat` reaches the chat
 * route and must meet the same checks. Unmatched requests keep their path.
 */
function pathOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route !== undefined) return route;
  const url = request.url;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The checks every guest request passes before any work, cheapest first:
 * load shedding (503), the per-address limit (429), same origin for
 * state-changing requests (403), JSON only on the API (415). Static files,
 * health, metrics and the (signed) Stripe webhook are not guest work; MCP is
 * shed under load, the rest it checks itself.
 */
export function frontDoor(ctx: ServerContext) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const path = pathOf(request);
    const isMcp = path === MCP_PATH;
    if (!isGuestWork(path) && !isMcp) return;
    if (ctx.shedder.overloaded()) {
      ctx.metrics.rejected.inc({ reason: "overloaded" });
      ctx.logger.warn(
        { event: "load_shed", lagMs: Math.round(ctx.shedder.lagMs()) },
        "shedding load",
      );
      sendError(
        reply,
        503,
        "overloaded",
        "Maya is swamped right now. Please try again in a moment.",
        1,
      );
      return;
    }
    if (isMcp) return;
    const decision = await ctx.limits.consume("address", request.ip);
    if (!decision.ok) {
      refuseRateLimited(ctx, reply, "address", decision.retryAfterSeconds);
      return;
    }
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = checkSameOrigin(request, ctx.settings.publicUrl);
    if (!origin.ok) {
      ctx.metrics.rejected.inc({ reason: "csrf" });
      ctx.logger.warn(
        { event: "csrf_rejected", reason: origin.reason, path },
        "cross-origin request refused",
      );
      sendError(
        reply,
        403,
        "cross_origin",
        "This request must come from Maya's own page (Origin or Sec-Fetch-Site must be same-origin).",
      );
      return;
    }
    if (path.startsWith("/api/") && !isJsonOrEmpty(request)) {
      ctx.metrics.rejected.inc({ reason: "media_type" });
      sendError(reply, 415, "unsupported_media_type", "Send the request body as JSON.");
    }
  };
}
