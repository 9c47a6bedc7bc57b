import { parseArgs } from "node:util";
import { ConfigError, isProduction } from "../config/index.ts";
import {
  agentMetricsHook,
  buildApp,
  createMetrics,
  isLoopbackAddress,
  serverRuntimeFrom,
  settingsFromEnv,
} from "../server/index.ts";
import { mcpEndpointFor } from "./mcp-mount.ts";
import { createRuntimeFromEnv } from "./runtime.ts";
import { rateLimitStoreErrorReporter } from "./store-errors.ts";

const HELP = `Usage: maya serve [--port N] [--host H]

Starts Maya's bar: the chat page and the HTTP API (default http://127.0.0.1:8080),
and MCP over Streamable HTTP at /mcp when MAYA_MCP_TOKENS is set.
Settings come from the environment (PORT, HOST, MAYA_STORE, MAYA_MODEL,
MAYA_PAYMENTS, ...; see the README). SIGINT/SIGTERM drain requests, then close
the store and payments.
`;

/** `maya serve`: the web bar until a signal asks it to stop. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const env = {
    ...process.env,
    ...(values.port === undefined ? {} : { PORT: values.port }),
    ...(values.host === undefined ? {} : { HOST: values.host }),
  };

  const metrics = createMetrics();
  const runtime = await createRuntimeFromEnv(env, { onEvent: agentMetricsHook(metrics) });
  const { config, logger } = runtime;
  // Off loopback, DNS names are only served through MAYA_PUBLIC_URL (DNS-rebinding defence).
  const nameless = config.MAYA_PUBLIC_URL === undefined && !isLoopbackAddress(config.HOST);
  if (nameless && isProduction(config)) {
    await runtime.close();
    throw new ConfigError(
      `HOST=${config.HOST} is not loopback: set MAYA_PUBLIC_URL to the address guests use, so the server knows which Host it serves.`,
    );
  }
  let app: Awaited<ReturnType<typeof buildApp>>;
  let mcp: ReturnType<typeof mcpEndpointFor>;
  try {
    mcp = mcpEndpointFor(runtime);
    app = await buildApp({
      runtime: serverRuntimeFrom(runtime),
      settings: settingsFromEnv(config),
      logger,
      metrics,
      ...(mcp === undefined ? {} : { mcp }),
      onRateLimitStoreError: rateLimitStoreErrorReporter(runtime),
    });
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
  logger.info({ event: "server.listening", url }, "Maya's bar is open");
  process.stderr.write(`Maya's bar is open at ${url}\n`);
  if (nameless) {
    logger.warn(
      { event: "server.host_names_unserved", host: config.HOST },
      "without MAYA_PUBLIC_URL only IP addresses and localhost are answered; host names get 421",
    );
  }
  if (mcp !== undefined) {
    logger.info({ event: "server.mcp_mounted", url: `${url}/mcp` }, "MCP over HTTP at /mcp");
    process.stderr.write(`Maya's MCP server: ${url}/mcp\n`);
  }

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ event: "server.stopping", signal }, "draining requests");
      // Requests in flight finish; new ones get 503; then the store and payments close.
      app
        .close()
        .then(() => runtime.close())
        .then(
          () => resolve(0),
          (error: unknown) => {
            logger.error({ event: "server.stop_failed", err: error }, "shutdown failed");
            resolve(1);
          },
        );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
}
