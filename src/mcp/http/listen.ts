import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpHttpHandler } from "./handler.ts";

export interface McpListenOptions {
  /** Default 127.0.0.1: reachable from this machine only. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Route the handler answers on. Default `/mcp`. */
  path?: string;
}

export interface McpHttpServer {
  /** e.g. `http://127.0.0.1:3001/mcp`. */
  readonly url: URL;
  readonly server: Server;
  close(): Promise<void>;
}

/** A bare node:http server that serves `handler` on one path (`maya mcp --http`). */
export async function listenMcpHttp(
  handler: McpHttpHandler,
  options: McpListenOptions,
): Promise<McpHttpServer> {
  const path = options.path ?? "/mcp";
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname !== path) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `Not found; MCP is served at ${path}.` }));
      return;
    }
    void handler.handle(req, res);
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 5 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: new URL(`http://${urlHost}:${address.port}${path}`),
    server,
    async close() {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
