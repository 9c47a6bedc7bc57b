import { parseArgs } from "node:util";
import { parseEnv } from "../config/index.ts";
import {
  createMcpDeps,
  createMcpHttpHandler,
  isLoopbackHost,
  listenMcpHttp,
  type McpHttpOptions,
  mcpHttpOptionsFromEnv,
  serveMcpStdio,
} from "../mcp/index.ts";
import type { Runtime } from "./runtime.ts";

const DEFAULT_PORT = 3001;

const USAGE = `Usage: maya mcp [--http [--port N] [--host ADDRESS]]

Serves Maya's bar tools and her guard over the Model Context Protocol.

  (no option)      MCP on stdin/stdout, for a client that starts this process
  --http           Streamable HTTP at http://ADDRESS:N/mcp instead
  --port N         port for --http (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS   address for --http (default 127.0.0.1: this machine only)
  -h, --help       this text

HTTP needs MAYA_MCP_TOKENS (comma-separated bearer tokens, 16+ characters each).
Browser origins allowed to call: MAYA_MCP_ALLOWED_ORIGINS. Logs go to stderr.
`;

interface McpArgs {
  http: boolean;
  port: number;
  host: string;
}

function parse(args: string[]): McpArgs | { error: string } | "help" {
  let values: { http?: boolean; port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        http: { type: "boolean" },
        port: { type: "string" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return "help";
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { error: `--port must be a whole number from 0 to 65535, not '${values.port}'.` };
  }
  if (!values.http && (values.port !== undefined || values.host !== undefined)) {
    return { error: "--port and --host only apply with --http." };
  }
  return { http: values.http ?? false, port, host: values.host ?? "127.0.0.1" };
}

/** Resolves on SIGINT/SIGTERM (or `also`), then removes its listeners. */
function untilStopped(also?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    also?.then(stop);
  });
}

async function serveStdio(runtime: Runtime): Promise<void> {
  const session = await serveMcpStdio(createMcpDeps(runtime));
  await untilStopped(session.closed);
  await session.close();
}

/** The HTTP settings, checked before anything opens (a bad token list fails fast). */
type HttpSettings = Omit<McpHttpOptions, "rateLimiter">;

function httpOptions(args: McpArgs): HttpSettings {
  const options = mcpHttpOptionsFromEnv(parseEnv(process.env), args.host);
  if (options.tokens.length === 0) {
    throw new Error("MCP over HTTP needs MAYA_MCP_TOKENS (e.g. `openssl rand -hex 32`).");
  }
  return options;
}

async function serveHttp(runtime: Runtime, args: McpArgs, options: HttpSettings): Promise<void> {
  // The web API's limits, in Redis (shared with `maya serve` instances) when the store is Redis.
  const { createRateLimits, settingsFromEnv } = await import("../server/index.ts");
  const { config, store } = runtime;
  const limits = await createRateLimits(
    settingsFromEnv(config),
    store.kind === "redis" ? config.MAYA_STORE : undefined,
  );
  const handler = createMcpHttpHandler(createMcpDeps(runtime), {
    ...options,
    rateLimiter: limits,
    onEvent: (event) => runtime.onEvent("mcp_http_events", { event }),
  });
  try {
    const server = await listenMcpHttp(handler, { host: args.host, port: args.port });
    runtime.logger.info({ event: "mcp.listening", url: server.url.href }, "MCP over HTTP");
    if (!isLoopbackHost(args.host)) {
      runtime.logger.warn(
        { event: "mcp.public_bind", host: args.host },
        "MCP over plain HTTP on a non-loopback address: put TLS in front of it",
      );
    }
    process.stderr.write(`Maya's MCP server: ${server.url.href}\n`);
    await untilStopped();
    await server.close();
  } finally {
    await limits.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const parsed = parse(args);
  if (parsed === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`maya mcp: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const options = parsed.http ? httpOptions(parsed) : undefined;
  // Loaded only now, so a usage error answers without loading the agent and payments.
  const { createRuntimeFromEnv } = await import("./runtime.ts");
  const runtime = await createRuntimeFromEnv(process.env);
  try {
    if (options) await serveHttp(runtime, parsed, options);
    else await serveStdio(runtime);
    return 0;
  } finally {
    await runtime.close();
  }
}
