/**
 * The fake Stripe MCP server on stdio, started by the stripe-mcp adapter as a
 * command: `node test/payments/fake-stripe/mcp-stdio.ts` with STRIPE_SECRET_KEY
 * and FAKE_STRIPE_API_URL in its environment.
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createFakeStripeMcpServer } from "./mcp-server.ts";

const apiUrl = process.env.FAKE_STRIPE_API_URL;
const secretKey = process.env.STRIPE_SECRET_KEY;
if (!apiUrl || !secretKey) {
  process.stderr.write("FAKE_STRIPE_API_URL and STRIPE_SECRET_KEY are required\n");
  process.exit(2);
}
await createFakeStripeMcpServer({ apiUrl, secretKey }).connect(new StdioServerTransport());
