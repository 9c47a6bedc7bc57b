import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import type { McpDeps } from "../deps.ts";
import { createMayaMcpServer } from "../server.ts";
import { newMcpMayaSessionId } from "../session-id.ts";
import { bearerToken, matchToken } from "./auth.ts";
import { readJsonBody } from "./body.ts";
import { checkOrigin, type OriginPolicy } from "./origin.ts";
import type { McpLimitName, McpRateLimiter } from "./rate-limit.ts";

/** Security events of the HTTP transport (logged with this `event` name, and passed to `onEvent`). */
export type McpHttpEvent =
  | "mcp_origin_refused"
  | "mcp_auth_failed"
  | "mcp_rate_limited"
  | "mcp_session_limit"
  | "mcp_session_opened"
  | "mcp_session_closed";

export interface McpHttpOptions {
  /** Accepted bearer tokens (MAYA_MCP_TOKENS). Empty: every request is refused with 401. */
  tokens: readonly string[];
  /** Browser origins allowed to call (MAYA_MCP_ALLOWED_ORIGINS); requests without Origin always pass this check. */
  allowedOrigins?: readonly string[];
  /** Host names (no port) the server answers to; undefined = Host is not checked. */
  allowedHosts?: readonly string[];
  /** The limits: the web server's `createRateLimits` (memory, or Redis shared by instances). */
  rateLimiter: McpRateLimiter;
  /** Open MCP sessions at most; more get 503. Default 1000. */
  maxSessions?: number;
  /** An MCP session unused this long is closed. Default 30 minutes. */
  sessionIdleMs?: number;
  /** Largest POST body read. Default 256 KiB. */
  maxBodyBytes?: number;
  onEvent?: (event: McpHttpEvent, detail: Record<string, unknown>) => void;
}

export interface McpHandleOptions {
  /** The body when a framework already parsed it (Fastify's `request.body`). */
  parsedBody?: unknown;
  /** The client's address as the framework resolved it (Fastify's `request.ip`, proxy-aware). */
  clientAddress?: string;
}

/** Serves MCP over Streamable HTTP on whatever route it is mounted at. */
export interface McpHttpHandler {
  handle(req: IncomingMessage, res: ServerResponse, options?: McpHandleOptions): Promise<void>;
  /** Open MCP sessions. */
  readonly sessionCount: number;
  /** Closes every MCP session (their Maya sessions stay in the store until they expire). */
  close(): Promise<void>;
}

interface OpenSession {
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  tokenIndex: number;
  mayaSessionId: string;
  lastSeen: number;
}

const SESSION_HEADER = "mcp-session-id";

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

export function createMcpHttpHandler(deps: McpDeps, options: McpHttpOptions): McpHttpHandler {
  const { logger } = deps;
  const limiter = options.rateLimiter;
  /** Seconds to wait when the limit is reached, else 0. */
  const retryAfter = async (name: McpLimitName, key: string): Promise<number> => {
    const decision = await limiter.consume(name, key);
    return decision.ok ? 0 : decision.retryAfterSeconds;
  };
  const policy: OriginPolicy = {
    allowedOrigins: options.allowedOrigins ?? [],
    allowedHosts: options.allowedHosts,
  };
  const maxSessions = options.maxSessions ?? 1000;
  const idleMs = options.sessionIdleMs ?? 30 * 60_000;
  // Room for the longest scan_output call (text + prompt, escaped as JSON), and no more.
  const maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
  const sessions = new Map<string, OpenSession>();
  // Initializes still in flight hold a place under the cap, so simultaneous ones cannot overrun it
  // (a session just registered counts twice until its initialize returns: the cap errs on refusing).
  let opening = 0;
  if (options.tokens.length === 0) {
    logger.warn(
      { event: "mcp_no_tokens" },
      "MCP over HTTP has no tokens (MAYA_MCP_TOKENS): every request is refused",
    );
  }

  const emit = (event: McpHttpEvent, detail: Record<string, unknown>, level: "info" | "warn") => {
    logger[level]({ event, ...detail }, event);
    options.onEvent?.(event, detail);
  };

  const closeSession = async (id: string, reason: string) => {
    const open = sessions.get(id);
    if (!open) return;
    sessions.delete(id);
    emit("mcp_session_closed", { mayaSessionId: open.mayaSessionId, reason }, "info");
    await open.server.close().catch(() => {});
  };

  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const [id, open] of sessions) {
        if (now - open.lastSeen > idleMs) void closeSession(id, "idle");
      }
    },
    Math.min(idleMs, 60_000),
  );
  sweep.unref();

  async function openSession(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    tokenIndex: number,
    client: string,
  ): Promise<void> {
    if (sessions.size + opening >= maxSessions) {
      emit("mcp_session_limit", { client, open: sessions.size, opening }, "warn");
      return sendError(res, 503, "Too many open MCP sessions; try again later.", {
        "retry-after": "60",
      });
    }
    opening++;
    try {
      const wait = await retryAfter("new_session", client);
      if (wait > 0) {
        emit("mcp_rate_limited", { client, limit: "new_session" }, "warn");
        return sendError(res, 429, "Too many new MCP sessions; slow down.", {
          "retry-after": String(wait),
        });
      }
      const mayaSessionId = newMcpMayaSessionId();
      const server = createMayaMcpServer(deps, mayaSessionId);
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, server, tokenIndex, mayaSessionId, lastSeen: Date.now() });
          emit("mcp_session_opened", { mayaSessionId, client }, "info");
        },
        onsessionclosed: (id) => closeSession(id, "client"),
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
      // An initialize that failed leaves a transport no one can reach again.
      if (transport.sessionId === undefined || !sessions.has(transport.sessionId)) {
        await server.close().catch(() => {});
      }
    } finally {
      opening--;
    }
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    handleOptions: McpHandleOptions,
  ): Promise<void> {
    const client = handleOptions.clientAddress ?? req.socket.remoteAddress ?? "unknown";

    const origin = checkOrigin(req.headers, policy);
    if (!origin.ok) {
      // The Origin is the caller's text: logged shortened, never echoed back.
      const claimed = req.headers.origin?.slice(0, 120) ?? null;
      emit("mcp_origin_refused", { client, origin: claimed }, "warn");
      return sendError(res, 403, origin.message);
    }

    const wait = await retryAfter("address", client);
    if (wait > 0) {
      emit("mcp_rate_limited", { client, limit: "address" }, "warn");
      return sendError(res, 429, "Too many requests; slow down.", {
        "retry-after": String(wait),
      });
    }

    const token = bearerToken(req.headers.authorization);
    const tokenIndex = token === undefined ? -1 : matchToken(token, options.tokens);
    if (tokenIndex === -1) {
      emit(
        "mcp_auth_failed",
        { client, reason: token === undefined ? "missing" : "wrong" },
        "warn",
      );
      return sendError(res, 401, "A valid bearer token is required.", {
        "www-authenticate": 'Bearer realm="maya-mcp"',
      });
    }

    let body = handleOptions.parsedBody;
    if (req.method === "POST" && body === undefined) {
      const read = await readJsonBody(req, maxBodyBytes);
      if (!read.ok) return sendError(res, read.status, read.message);
      body = read.value;
    }

    const header = req.headers[SESSION_HEADER];
    const sessionId = Array.isArray(header) ? header[0] : header;
    if (sessionId === undefined) {
      if (req.method === "POST" && isInitializeRequest(body)) {
        return openSession(req, res, body, tokenIndex, client);
      }
      return sendError(res, 400, "Start with an initialize request; no MCP session id was sent.");
    }

    const open = sessions.get(sessionId);
    // A session opened with another token is as unknown as one that never existed.
    if (!open || open.tokenIndex !== tokenIndex) {
      return sendError(res, 404, "This MCP session does not exist or has ended; initialize again.");
    }
    const sessionRetry = await retryAfter("session", `mcp:${sessionId}`);
    if (sessionRetry > 0) {
      emit("mcp_rate_limited", { client, limit: "session" }, "warn");
      return sendError(res, 429, "Too many requests in this MCP session; slow down.", {
        "retry-after": String(sessionRetry),
      });
    }
    open.lastSeen = Date.now();
    await open.transport.handleRequest(req, res, body);
  }

  return {
    async handle(req, res, handleOptions = {}) {
      try {
        await route(req, res, handleOptions);
      } catch (error) {
        logger.error({ event: "mcp_http_error", err: error }, "MCP HTTP request failed");
        sendError(res, 500, "The MCP server hit an internal error.");
      }
    },
    get sessionCount() {
      return sessions.size;
    },
    async close() {
      clearInterval(sweep);
      await Promise.all([...sessions.keys()].map((id) => closeSession(id, "shutdown")));
    },
  };
}
