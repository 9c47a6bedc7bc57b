import type { FastifyInstance } from "fastify";
import type { ServerContext } from "../context.ts";
import type { McpEndpointFactory } from "../ports.ts";

/**
 * MCP over Streamable HTTP at `/mcp`. The endpoint does its own checks
 * (bearer token, Origin/Host against DNS rebinding) and takes the app's rate
 * limits, so its budgets are the web API's (shared through Redis when the
 * store is Redis). Not a cookie route: no CSRF check, the token is the
 * credential. Its sessions close before the server drains, or their open
 * SSE streams would hold the shutdown.
 */
export function mcpRoutes(app: FastifyInstance, ctx: ServerContext, factory: McpEndpointFactory) {
  const endpoint = factory({
    rateLimiter: ctx.limits,
    onEvent: (event) => ctx.metrics.mcpEvents.inc({ event }),
  });
  app.addHook("preClose", () => endpoint.close());
  app.route({
    method: ["GET", "POST", "DELETE"],
    url: "/mcp",
    bodyLimit: ctx.settings.mcpBodyLimitBytes,
    handler: async (request, reply) => {
      reply.hijack(); // the endpoint writes the raw response (JSON or an SSE stream)
      await endpoint.handle(request.raw, reply.raw, {
        parsedBody: request.body,
        clientAddress: request.ip,
      });
    },
  });
}
