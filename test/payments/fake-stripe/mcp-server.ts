import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import Stripe from "stripe";
import { z } from "zod";

type ToolAnswer = { content: { type: "text"; text: string }[] };

const text = (value: unknown): ToolAnswer => ({
  content: [{ type: "text", text: typeof value === "string" ? value : JSON.stringify(value) }],
});

/**
 * An MCP server with the tool names and answer shapes of Stripe's own
 * (`@stripe/mcp`): JSON of the created object on success, a plain failure
 * sentence on error. Like the real one it calls the Stripe API, here the fake.
 */
export function createFakeStripeMcpServer(options: {
  apiUrl: string;
  secretKey: string;
}): McpServer {
  const api = new URL(options.apiUrl);
  const stripe = new Stripe(options.secretKey, {
    host: api.hostname,
    port: Number(api.port),
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
  });
  const server = new McpServer({ name: "fake-stripe-mcp", version: "0.2.0" });

  server.registerTool(
    "create_product",
    {
      description: "Create a product",
      inputSchema: { name: z.string(), description: z.string().optional() },
    },
    async ({ name, description }) => {
      try {
        const product = await stripe.products.create({ name, ...(description && { description }) });
        return text(product);
      } catch {
        return text("Failed to create product");
      }
    },
  );
  server.registerTool(
    "create_price",
    {
      description: "Create a price",
      inputSchema: { product: z.string(), unit_amount: z.number().int(), currency: z.string() },
    },
    async (args) => {
      try {
        return text(await stripe.prices.create(args));
      } catch {
        return text("Failed to create price");
      }
    },
  );
  server.registerTool(
    "create_payment_link",
    {
      description: "Create a payment link",
      inputSchema: {
        price: z.string(),
        quantity: z.number().int(),
        redirect_url: z.string().optional(),
      },
    },
    async ({ price, quantity, redirect_url }) => {
      try {
        const link = await stripe.paymentLinks.create({
          line_items: [{ price, quantity }],
          ...(redirect_url && {
            after_completion: { type: "redirect", redirect: { url: redirect_url } },
          }),
        });
        return text({ id: link.id, url: link.url });
      } catch {
        return text("Failed to create payment link");
      }
    },
  );
  server.registerTool(
    "retrieve_balance",
    { description: "Retrieve the balance", inputSchema: {} },
    async () => {
      try {
        return text(await stripe.balance.retrieve());
      } catch {
        return text("Failed to retrieve balance");
      }
    },
  );
  server.registerTool(
    "fetch_stripe_resources",
    { description: "Fetch a Stripe object by id", inputSchema: { id: z.string() } },
    async ({ id }) => {
      try {
        if (!id.startsWith("plink_")) return text(`Failed to fetch ${id}: unsupported resource`);
        return text(await stripe.paymentLinks.retrieve(id));
      } catch {
        return text(`Failed to fetch ${id}`);
      }
    },
  );
  return server;
}

/** The same server over Streamable HTTP (stateless), behind a bearer key like Stripe's hosted one. */
export async function startFakeStripeMcpHttp(options: {
  apiUrl: string;
  secretKey: string;
}): Promise<{ url: string; calls: () => number; stop: () => Promise<void> }> {
  let calls = 0;
  const http: Server = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${options.secretKey}`) {
      res.writeHead(401, { "content-type": "application/json" }).end('{"error":"unauthorized"}');
      return;
    }
    calls += 1;
    const server = createFakeStripeMcpServer(options);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    calls: () => calls,
    stop: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
