import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { type Logger, silentLogger } from "../config/index.ts";
import type { ServerContext } from "./context.ts";
import {
  describeFrameworkError,
  isStoreUnavailable,
  STORE_UNAVAILABLE,
  sendError,
} from "./errors.ts";
import { frontDoor } from "./front-door.ts";
import { boundPolicy, type HostPolicy, hostCheck } from "./host-check.ts";
import { startLoadShedder } from "./load-shedding.ts";
import { createMetrics, type Metrics } from "./metrics.ts";
import type { McpEndpointFactory, ServerRuntime } from "./ports.ts";
import { createRateLimits } from "./rate-limits.ts";
import { accountRoutes } from "./routes/account.ts";
import { chatRoutes } from "./routes/chat.ts";
import { checkoutRoutes } from "./routes/checkout.ts";
import { mcpRoutes } from "./routes/mcp.ts";
import { opsRoutes } from "./routes/ops.ts";
import { securityHeaders } from "./security-headers.ts";
import type { ServerSettings } from "./settings.ts";

export interface AppOptions {
  runtime: ServerRuntime;
  settings: ServerSettings;
  logger?: Logger;
  /** Pass the registry whose `agentMetricsHook` the runtime reports into; a new one otherwise. */
  metrics?: Metrics;
  /** Mounts MCP over Streamable HTTP at `/mcp` (only when MCP tokens are configured). */
  mcp?: McpEndpointFactory;
  /** Connection errors of the rate limits' Redis client, to log and count (`maya serve` does). */
  onRateLimitStoreError?: (error: Error) => void;
}

const WEB_ROOT = fileURLToPath(new URL("../web/", import.meta.url));

/**
 * Builds Maya's web app: the JSON API, the chat page and its assets, the mock
 * checkout, the Stripe webhook, health and metrics, with every hardening layer
 * in front. The caller listens, and closes the app before the runtime.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { runtime, settings } = options;
  const logger = options.logger ?? silentLogger();
  const app = Fastify({
    // pino's own Logger type is wider than Fastify's; the instance is the same.
    loggerInstance: logger as unknown as FastifyBaseLogger,
    // One line per response from our own hook instead (no headers, no bodies).
    logController: new LogController({ disableRequestLogging: true }),
    // One hop: the address our own proxy saw, not whatever the client put in X-Forwarded-For.
    trustProxy: settings.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    bodyLimit: settings.bodyLimitBytes,
    requestTimeout: settings.requestTimeoutMs,
    return503OnClosing: true,
    genReqId: () => randomUUID(),
  });

  const ctx: ServerContext = {
    runtime,
    settings,
    limits: await createRateLimits(
      settings,
      runtime.redisUrl,
      options.onRateLimitStoreError === undefined
        ? {}
        : { onRedisError: options.onRateLimitStoreError },
    ),
    metrics: options.metrics ?? createMetrics(),
    shedder: startLoadShedder(settings.maxEventLoopDelayMs, settings.eventLoopSampleMs),
    logger,
  };
  app.addHook("onClose", async () => {
    ctx.shedder.stop();
    await ctx.limits.close();
  });

  // Only JSON (and, inside the checkout plugin, its form) is parsed at all.
  app.removeContentTypeParser("text/plain");

  await app.register(fastifyHelmet, securityHeaders(settings));
  await app.register(fastifyCookie);

  // The Host check comes first: a rebinding page gets nothing, not even a rate-limit answer.
  // Known once the caller listens; `inject` before that has no bound address to guard.
  let served: HostPolicy | undefined;
  const boundHosts = () => {
    if (served === undefined && app.server.listening)
      served = boundPolicy(app.addresses().filter((a) => typeof a !== "string"));
    return served;
  };
  app.addHook("onRequest", hostCheck(ctx, boundHosts));
  app.addHook("onRequest", frontDoor(ctx));

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    ctx.metrics.requestSeconds.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      seconds,
    );
    logger.info(
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });

  app.setErrorHandler((error, request, reply) => {
    if (isStoreUnavailable(error)) {
      logger.warn(
        { event: "store_unavailable", route: request.routeOptions.url },
        "store unavailable",
      );
      reply.header("retry-after", "2");
      return reply.code(503).type("application/json; charset=utf-8").send(STORE_UNAVAILABLE);
    }
    const { status, body } = describeFrameworkError(
      error as { code?: string; statusCode?: number; message: string },
      request.routeOptions.bodyLimit ?? settings.bodyLimitBytes,
    );
    if (status >= 500)
      logger.error(
        { event: "request_failed", err: error, route: request.routeOptions.url },
        "request failed",
      );
    return reply.code(status).type("application/json; charset=utf-8").send(body);
  });

  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, 404, "not_found", "There is nothing at this address."),
  );

  await app.register(fastifyStatic, {
    root: WEB_ROOT,
    prefix: "/static/",
    index: false,
    cacheControl: true,
    maxAge: 0,
    allowedPath: (path) => !path.endsWith(".html"),
  });
  const indexHtml = await readFile(new URL("../web/index.html", import.meta.url), "utf8");
  const favicon = await readFile(new URL("../web/favicon.svg", import.meta.url));
  app.get("/favicon.ico", (_request, reply) =>
    reply.header("cache-control", "max-age=86400").type("image/svg+xml").send(favicon),
  );
  app.get("/", (_request, reply) =>
    reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").send(indexHtml),
  );

  chatRoutes(app, ctx);
  accountRoutes(app, ctx);
  opsRoutes(app, ctx);
  if (options.mcp !== undefined) mcpRoutes(app, ctx, options.mcp);
  await app.register(async (scope) => checkoutRoutes(scope, ctx));
  return app;
}
