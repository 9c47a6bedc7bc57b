/**
 * `npm run bench:payments`: payment-link latency through each adapter against
 * the in-repo fake Stripe (API and MCP), and how long a guest waits for the
 * fallback when Stripe is down. Figures only; nothing here asserts speed.
 * Writes an SVG chart to artifacts/bench/payments.svg next to the table.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import {
  createPaymentGateway,
  newIdempotencyKey,
  type PaymentSettings,
  type ProviderName,
  type ResilientGateway,
} from "../src/payments/index.ts";
import { startFakeStripeMcpHttp } from "../test/payments/fake-stripe/mcp-server.ts";
import { FakeStripe } from "../test/payments/fake-stripe/server.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const MCP_ROUNDS = Math.max(10, Math.floor(ROUNDS / 2));

interface Row {
  name: string;
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  note: string;
}

function summarise(name: string, samples: number[], note = ""): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return { name, n: sorted.length, mean, p50: at(0.5), p95: at(0.95), p99: at(0.99), note };
}

async function timeLinks(
  gateway: ResilientGateway,
  rounds: number,
  label: string,
  options: { sameKey?: boolean; expect?: ProviderName } = {},
): Promise<number[]> {
  const sameKey = options.sameKey ?? false;
  const expected = options.expect ?? gateway.provider;
  const samples: number[] = [];
  const fixedKey = newIdempotencyKey("bench-session");
  // Warm-up: connections, JIT, MCP handshake.
  await gateway.createPaymentLink(request(newIdempotencyKey("bench-session")));
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const result = await gateway.createPaymentLink(
      request(sameKey ? fixedKey : newIdempotencyKey("bench-session")),
    );
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`${label}: ${result.failure.message}`);
    // A silent fallback would measure the mock instead of the adapter.
    if (result.provider !== expected)
      throw new Error(`${label}: made by ${result.provider}, not ${expected}`);
    if ((i + 1) % Math.max(1, Math.floor(rounds / 4)) === 0) {
      process.stderr.write(`  ${label}: ${i + 1}/${rounds}\n`);
    }
  }
  return samples;
}

function request(idempotencyKey: string) {
  return {
    amountCents: 2_750,
    currency: "usd",
    description: "Bench tab",
    idempotencyKey,
    metadata: { sessionId: "bench-session" },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const fake = await FakeStripe.start();
  const http = await startFakeStripeMcpHttp({ apiUrl: fake.url, secretKey: fake.secretKey });
  const base: PaymentSettings = {
    provider: "stripe",
    fallback: "mock",
    secretKey: fake.secretKey,
    apiUrl: fake.url,
    probeTtlMs: 30_000,
  };
  const rows: Row[] = [];

  process.stderr.write(
    `link creation, ${ROUNDS} sequential links per adapter (MCP: ${MCP_ROUNDS})\n`,
  );
  const mock = createPaymentGateway({ ...base, provider: "mock" });
  rows.push(summarise("mock (in-memory records)", await timeLinks(mock, ROUNDS, "mock")));

  const stripe = createPaymentGateway(base);
  rows.push(
    summarise(
      "stripe API (stripe-node → fake)",
      await timeLinks(stripe, ROUNDS, "stripe"),
      "price + link: 2 HTTP calls",
    ),
  );
  rows.push(
    summarise(
      "stripe API, same key (replay)",
      await timeLinks(stripe, ROUNDS, "stripe replay", { sameKey: true }),
      "idempotent replay",
    ),
  );

  const mcpHttp = createPaymentGateway({
    ...base,
    provider: "stripe-mcp",
    mcp: { kind: "url", url: http.url },
  });
  rows.push(
    summarise(
      "stripe-mcp over Streamable HTTP",
      await timeLinks(mcpHttp, MCP_ROUNDS, "mcp http"),
      "3 tool calls",
    ),
  );
  await mcpHttp.close();

  const stdioServer = fileURLToPath(
    new URL("../test/payments/fake-stripe/mcp-stdio.ts", import.meta.url),
  );
  const mcpStdio = createPaymentGateway({
    ...base,
    provider: "stripe-mcp",
    mcp: {
      kind: "command",
      command: `"${process.execPath}" "${stdioServer}"`,
      env: { FAKE_STRIPE_API_URL: fake.url },
    },
  });
  rows.push(
    summarise(
      "stripe-mcp over stdio",
      await timeLinks(mcpStdio, MCP_ROUNDS, "mcp stdio"),
      "3 tool calls",
    ),
  );
  await mcpStdio.close();

  process.stderr.write("fallback when Stripe is down\n");
  const fallbackRows: Row[] = [];
  const refusedUrl = `http://127.0.0.1:${await freePort()}`;
  const refused = createPaymentGateway({ ...base, apiUrl: refusedUrl });
  const first = performance.now();
  const firstResult = await refused.createPaymentLink(request(newIdempotencyKey("bench-session")));
  const firstMs = performance.now() - first;
  if (!firstResult.ok || !firstResult.simulated) throw new Error("expected a mock fallback");
  fallbackRows.push(
    summarise("refused: first request (probe fails)", [firstMs], "probe, then mock"),
  );
  fallbackRows.push(
    summarise(
      "refused: later requests (cached probe)",
      await timeLinks(refused, ROUNDS, "refused cached", { expect: "mock" }),
      "no call to Stripe",
    ),
  );

  fake.delayMs = 60_000;
  const hanging = createPaymentGateway(base);
  const hangStart = performance.now();
  const hangResult = await hanging.createPaymentLink(request(newIdempotencyKey("bench-session")));
  const hangMs = performance.now() - hangStart;
  if (!hangResult.ok || !hangResult.simulated) throw new Error("expected a mock fallback");
  fallbackRows.push(
    summarise("hanging: first request", [hangMs], "bounded by the 3 s probe timeout"),
  );
  fake.delayMs = 0;

  const failing = createPaymentGateway(base);
  await failing.probe();
  fake.inject(...Array.from({ length: 10 }, () => ({ status: 503, path: "/v1/prices" })));
  const failStart = performance.now();
  const failResult = await failing.createPaymentLink(request(newIdempotencyKey("bench-session")));
  const failMs = performance.now() - failStart;
  if (!failResult.ok || !failResult.simulated) throw new Error("expected a mock fallback");
  fallbackRows.push(
    summarise("503 on every attempt", [failMs], "4 attempts, full-jitter backoff, then mock"),
  );

  const strict = createPaymentGateway({ ...base, apiUrl: refusedUrl, fallback: "fail" });
  const strictStart = performance.now();
  const strictResult = await strict.createPaymentLink(request(newIdempotencyKey("bench-session")));
  fallbackRows.push(
    summarise(
      "refused, fallback=fail",
      [performance.now() - strictStart],
      strictResult.ok ? "?" : strictResult.failure.code,
    ),
  );

  await http.stop();
  await fake.stop();

  const ratioBase = rows[0]?.p50 || 1;
  print("Link creation latency (ms), sequential, fake Stripe on loopback", rows, ratioBase);
  print("Fallback when Stripe is down (ms)", fallbackRows, ratioBase);
  writeSvg([...rows, ...fallbackRows]);
}

function print(title: string, rows: Row[], ratioBase: number): void {
  const f = (x: number) => x.toFixed(2).padStart(9);
  console.log(`\n${title}`);
  console.log(
    `${"path".padEnd(40)} ${"n".padStart(5)} ${"mean".padStart(9)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)} ${"p50/mock".padStart(9)}  note`,
  );
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(40)} ${String(r.n).padStart(5)} ${f(r.mean)} ${f(r.p50)} ${f(r.p95)} ${f(r.p99)} ${(r.p50 / ratioBase).toFixed(1).padStart(8)}x  ${r.note}`,
    );
  }
}

function writeSvg(rows: Row[]): void {
  const width = 900;
  const barHeight = 22;
  const left = 300;
  const max = Math.max(...rows.map((r) => r.p95), 1);
  const scale = (x: number) => (Math.log10(1 + x) / Math.log10(1 + max)) * (width - left - 120);
  const bars = rows
    .map((r, i) => {
      const y = 40 + i * (barHeight + 8);
      const label = r.name.replace(/&/g, "&amp;").replace(/</g, "&lt;");
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${label}</text>
<rect x="${left}" y="${y}" width="${scale(r.p95).toFixed(1)}" height="${barHeight}" fill="#f4b183"/>
<rect x="${left}" y="${y + 4}" width="${scale(r.p50).toFixed(1)}" height="${barHeight - 8}" fill="#c55a11"/>
<text x="${left + scale(r.p95) + 6}" y="${y + 15}">p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} ms</text>`;
    })
    .join("\n");
  const height = 60 + rows.length * (barHeight + 8);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<text x="10" y="20" font-size="14">Payments: link latency per adapter and fallback time (log scale; dark = p50, light = p95)</text>
${bars}
</svg>
`;
  mkdirSync("artifacts/bench", { recursive: true });
  writeFileSync("artifacts/bench/payments.svg", svg);
  console.log("\nchart: artifacts/bench/payments.svg");
}

await main();
