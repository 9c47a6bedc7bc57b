/**
 * `npm run bench:http`: chat turns per second and latency through the whole
 * HTTP stack (Fastify, cookies, CSRF, rate limits, agent with the rules
 * model, guard, SQLite) at 50 connections, with the guard on (the default)
 * and with its scanners off, next to a bare Fastify route measured in the
 * same run with the same client. Figures only; nothing here asserts speed.
 *
 * Each server runs in its own child process (this file with `--serve MODE`),
 * so autocannon does not share an event loop with the server it measures.
 * Writes an SVG chart (turns/s on a log scale, p50/p99) to artifacts/bench/http.svg.
 * BENCH_SECONDS (default 10) per mode; BENCH_CONNECTIONS (default 50).
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const MESSAGES = [
  "hi there",
  "what's on the menu?",
  "something fruity?",
  "what's my tab?",
  "tell me about the Negroni",
];

type ModeName = "bare" | "guard-on" | "guard-off";

/** Every scanner that can be switched off, off (the length limit stays). */
const GUARD_OFF = {
  promptInjectionEnabled: false,
  toxicityEnabled: false,
  modelsEnabled: false,
  invisibleTextEnabled: false,
  redactSecrets: false,
  redactPii: false,
  blockUnlistedUrls: false,
};

// ---- child: one server ----

async function serve(mode: ModeName): Promise<void> {
  if (mode === "bare") {
    const app = Fastify();
    app.post("/api/chat", async () => ({ reply: "Cheers!", emotion: "happy", blocked: false }));
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
    process.on("disconnect", () => app.close().then(() => process.exit(0)));
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), "maya-bench-http-"));
  const env: Record<string, string> = {
    MAYA_STORE: `sqlite:${join(folder, "maya.db")}`,
    MAYA_MODEL: "rules",
    MAYA_PAYMENTS: "mock",
    LOG_LEVEL: "silent",
    MAYA_RATE_LIMIT_PER_MINUTE: "1000000000",
    MAYA_SESSION_RATE_LIMIT_PER_MINUTE: "1000000000",
    MAYA_NEW_SESSIONS_PER_MINUTE: "1000000000",
    // Measure the stack, not the shedding: a saturated bench lags by design.
    MAYA_MAX_EVENT_LOOP_DELAY_MS: "600000",
  };
  if (mode === "guard-off") {
    const file = join(folder, "guard-off.json");
    writeFileSync(file, JSON.stringify(GUARD_OFF));
    env.MAYA_GUARD_CONFIG = file;
  }
  const { createRuntimeFromEnv } = await import("../src/commands/runtime.ts");
  const { buildApp, serverRuntimeFrom, settingsFromEnv } = await import("../src/server/index.ts");
  const runtime = await createRuntimeFromEnv(env);
  const app = await buildApp({
    runtime: serverRuntimeFrom(runtime),
    settings: settingsFromEnv(runtime.config),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
  process.on("disconnect", async () => {
    await app.close();
    await runtime.close();
    rmSync(folder, { recursive: true, force: true });
    process.exit(0);
  });
}

// ---- parent: the client ----

function startServer(mode: ModeName): Promise<{ child: ChildProcess; origin: string }> {
  const child = fork(new URL(import.meta.url).pathname, ["--serve", mode], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => {
      const { port } = message as { port: number };
      resolve({ child, origin: `http://127.0.0.1:${port}` });
    });
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

/** One guest per connection: a session cookie each. */
async function guestCookies(origin: string): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const response = await fetch(`${origin}/api/state`);
    const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
    if (cookie === undefined) throw new Error("the server issued no session cookie");
    cookies.push(cookie);
  }
  return cookies;
}

interface Row {
  mode: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: string;
}

async function measure(mode: ModeName, label: string): Promise<Row> {
  const { child, origin } = await startServer(mode);
  try {
    const cookies = mode === "bare" ? [""] : await guestCookies(origin);
    let next = 0;
    const run = (duration: number) =>
      autocannon({
        url: origin,
        connections: CONNECTIONS,
        duration,
        requests: [
          {
            method: "POST",
            path: "/api/chat",
            setupRequest: (request: Record<string, unknown>) => {
              const n = next++;
              return {
                ...request,
                headers: {
                  "content-type": "application/json",
                  origin,
                  cookie: cookies[n % cookies.length],
                },
                body: JSON.stringify({ message: MESSAGES[n % MESSAGES.length] }),
              };
            },
          },
        ],
      });
    process.stderr.write(`  ${label}: warming up…\n`);
    await run(2);
    process.stderr.write(`  ${label}: measuring ${SECONDS} s at ${CONNECTIONS} connections…\n`);
    const result = await run(SECONDS);
    return {
      mode: label,
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors + result.timeouts,
      statuses: Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, { count }]) => `${count}×${code}`)
        .join(" "),
    };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.connected) child.disconnect();
    if (child.exitCode === null) await exited;
  }
}

/** Bars for turns/s (log scale: the bare route is ~50× a chat turn) and p50/p99 latency. */
function chart(rows: Row[]): string {
  const rowHeight = 56;
  const left = 210;
  const barWidth = 280;
  const gap = 110;
  const width = left + 2 * barWidth + gap + 200;
  const height = 50 + rows.length * rowHeight;
  const maxRate = Math.max(...rows.map((r) => r.perSecond));
  const maxP99 = Math.max(...rows.map((r) => r.p99), 1);
  const logScale = (value: number) =>
    (Math.log10(Math.max(1, value)) / Math.log10(Math.max(10, maxRate))) * barWidth;
  const bars = rows.map((row, i) => {
    const y = 40 + i * rowHeight;
    const rate = logScale(row.perSecond);
    const p50 = (row.p50 / maxP99) * barWidth;
    const p99 = (row.p99 / maxP99) * barWidth;
    const x2 = left + barWidth + gap;
    return `<text x="10" y="${y + 18}" font-size="13">${row.mode}</text>
<rect x="${left}" y="${y + 4}" width="${rate.toFixed(1)}" height="20" fill="#ff6fae"/>
<text x="${(left + rate + 6).toFixed(1)}" y="${y + 19}" font-size="12">${row.perSecond.toFixed(0)}/s</text>
<rect x="${x2}" y="${y + 4}" width="${p99.toFixed(1)}" height="20" fill="#ffb347" opacity="0.45"/>
<rect x="${x2}" y="${y + 4}" width="${p50.toFixed(1)}" height="20" fill="#ffb347"/>
<text x="${(x2 + p99 + 6).toFixed(1)}" y="${y + 19}" font-size="12">p50 ${row.p50} / p99 ${row.p99} ms</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${left}" y="24" font-size="13" font-weight="bold">turns per second (log scale)</text>
<text x="${left + barWidth + gap}" y="24" font-size="13" font-weight="bold">latency (ms)</text>
${bars.join("\n")}
</svg>
`;
}

async function main(): Promise<void> {
  const serveAt = process.argv.indexOf("--serve");
  if (serveAt !== -1) return serve(process.argv[serveAt + 1] as ModeName);

  process.stderr.write("bench:http — POST /api/chat through the whole stack\n");
  const bare = await measure("bare", "bare Fastify route");
  const off = await measure("guard-off", "Maya, guard scanners off");
  const on = await measure("guard-on", "Maya, guard on (default)");

  const rows = [bare, off, on];
  const pad = (text: string | number, width: number) => String(text).padStart(width);
  console.log(
    `\n${"mode".padEnd(28)}${pad("turns/s", 10)}${pad("p50 ms", 9)}${pad("p99 ms", 9)}${pad("requests", 10)}${pad("non-2xx", 9)}${pad("vs bare", 9)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.mode.padEnd(28)}${pad(row.perSecond.toFixed(0), 10)}${pad(row.p50, 9)}${pad(row.p99, 9)}${pad(row.requests, 10)}${pad(row.errors, 9)}${pad(`${((row.perSecond / bare.perSecond) * 100).toFixed(1)}%`, 9)}`,
    );
  }
  for (const row of rows.filter((r) => r.statuses !== "")) {
    console.log(`  ${row.mode}: non-2xx ${row.statuses}`);
  }
  console.log(
    `\nguard on / guard off: ${((on.perSecond / off.perSecond) * 100).toFixed(1)}% of the throughput, p99 ×${(on.p99 / Math.max(1, off.p99)).toFixed(2)}`,
  );
  console.log(
    `(${CONNECTIONS} connections, ${SECONDS} s per mode, rules model, SQLite, mock payments)`,
  );
  mkdirSync("artifacts/bench", { recursive: true });
  writeFileSync("artifacts/bench/http.svg", chart(rows));
  console.log("chart: artifacts/bench/http.svg");
}

await main();
