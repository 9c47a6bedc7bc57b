import { createServer } from "node:net";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { mcpEndpointFor } from "../../../src/commands/mcp-mount.ts";
import {
  createRuntimeFromEnv,
  type Runtime,
  type RuntimeOptions,
} from "../../../src/commands/runtime.ts";
import { rateLimitStoreErrorReporter } from "../../../src/commands/store-errors.ts";
import type { Logger } from "../../../src/config/index.ts";
import {
  agentMetricsHook,
  buildApp,
  createMetrics,
  DEFAULT_SETTINGS,
  SESSION_COOKIE,
  type ServerSettings,
  serverRuntimeFrom,
} from "../../../src/server/index.ts";

/**
 * Maya's real app for tests: the real runtime (rules model, guard, mock
 * payments) on an in-memory store unless told otherwise, with generous rate
 * limits and no load shedding unless a test wants to hit them.
 */
export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  /** http://127.0.0.1:PORT: what the app thinks its origin is. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export const RELAXED_LIMITS: Partial<ServerSettings> = {
  addressPerMinute: 10_000,
  sessionPerMinute: 10_000,
  newSessionsPerMinute: 10_000,
  // Busy test machines lag by seconds; only the load-shedding test wants 503s.
  maxEventLoopDelayMs: 600_000,
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestApp(
  options: {
    settings?: Partial<ServerSettings>;
    env?: Record<string, string>;
    listen?: boolean;
    logger?: Logger;
    /** Wraps the model (a test that needs a slow or failing one). */
    wrapModel?: RuntimeOptions["wrapModel"];
  } = {},
): Promise<TestApp> {
  const port = await freePort();
  const env = {
    MAYA_STORE: "memory:",
    MAYA_MODEL: "rules",
    MAYA_PAYMENTS: "mock",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: String(port),
    ...options.env,
  };
  const metrics = createMetrics();
  const runtime = await createRuntimeFromEnv(env, {
    onEvent: agentMetricsHook(metrics),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.wrapModel === undefined ? {} : { wrapModel: options.wrapModel }),
  });
  // As `maya serve` does: /mcp only when MAYA_MCP_TOKENS is set.
  const mcp = mcpEndpointFor(runtime);
  const app = await buildApp({
    runtime: serverRuntimeFrom(runtime),
    settings: { ...DEFAULT_SETTINGS, ...RELAXED_LIMITS, ...options.settings },
    logger: runtime.logger,
    metrics,
    ...(mcp === undefined ? {} : { mcp }),
    onRateLimitStoreError: rateLimitStoreErrorReporter(runtime),
  });
  if (options.listen) await app.listen({ port, host: "127.0.0.1" });
  return {
    app,
    runtime,
    origin: `http://127.0.0.1:${port}`,
    port,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

/**
 * A guest talking to the app through `inject`: same-origin headers like a
 * browser's, and the session cookie carried from answer to answer.
 */
export class Guest {
  cookie: string | undefined;
  readonly #test: TestApp;

  constructor(test: TestApp, cookie?: string) {
    this.#test = test;
    this.cookie = cookie;
  }

  async request(
    method: "GET" | "POST",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const options: InjectOptions = {
      method,
      url,
      headers: {
        host: new URL(this.#test.origin).host,
        ...(method === "POST"
          ? { origin: this.#test.origin, "sec-fetch-site": "same-origin" }
          : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie === undefined ? {} : { cookie: `${SESSION_COOKIE}=${this.cookie}` }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    };
    const response = await this.#test.app.inject(options);
    const issued = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (issued) this.cookie = issued.value;
    return response;
  }

  get = (url: string) => this.request("GET", url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request("POST", url, body, headers);

  async chat(message: string) {
    const response = await this.post("/api/chat", { message });
    if (response.statusCode !== 200)
      throw new Error(`chat answered ${response.statusCode}: ${response.body}`);
    return response.json() as {
      reply: string;
      emotion: string;
      blocked: boolean;
      state: { tabCents: number; order: unknown[]; [key: string]: unknown };
    };
  }
}
