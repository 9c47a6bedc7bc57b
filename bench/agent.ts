/**
 * `npm run bench:agent`: turns per second and p50/p99 turn latency of the
 * agent with the embedded rules model on SQLite and the mock gateway, with the
 * guard off, on its heuristics, and fully on (heuristics + trained
 * classifiers, the default). Figures only; nothing here asserts speed.
 * Writes an SVG latency chart to artifacts/bench/agent.svg next to the table.
 *
 * BENCH_CONVERSATIONS (default 40) conversations of 8 turns run one after
 * another for latency, then 8 at a time for throughput.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Agent, createAgent, createCanary, createRulesModel } from "../src/agent/index.ts";
import { silentLogger } from "../src/config/index.ts";
import { createGuard, type Guard, parseScanConfig, type ScanResult } from "../src/guard/index.ts";
import { createPaymentGateway } from "../src/payments/index.ts";
import { newSessionId, openStore, type SessionStore } from "../src/state/index.ts";

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 40);
const CONCURRENCY = 8;
const SCRIPT = [
  "hi there",
  "two martinis and a negroni please",
  "make it three",
  "what's on the menu?",
  "add a 15% tip",
  "something fruity",
  "remove the negroni",
  "what's my tab?",
];

/** A guard that lets everything through: the baseline. */
function guardOff(): Guard {
  const pass = (text: unknown): ScanResult => ({
    isValid: true,
    sanitizedText: String(text),
    blockedReason: null,
    scannerScores: {},
    blockedBy: null,
    errors: [],
    ms: 0,
  });
  return {
    config: parseScanConfig({}),
    scanInput: async (text) => pass(text),
    scanOutput: async (text) => pass(text),
    ready: async () => {},
  };
}

interface Mode {
  name: string;
  guard: (canary: string) => Guard;
}

const MODES: Mode[] = [
  { name: "guard off", guard: () => guardOff() },
  {
    name: "guard heuristics",
    guard: (canary) =>
      createGuard(
        parseScanConfig({ canary, allowedUrlHosts: ["127.0.0.1"], modelsEnabled: false }),
      ),
  },
  {
    name: "guard full (default)",
    guard: (canary) => createGuard(parseScanConfig({ canary, allowedUrlHosts: ["127.0.0.1"] })),
  },
];

interface Row {
  name: string;
  turns: number;
  p50: number;
  p99: number;
  mean: number;
  turnsPerSecond: number;
  samples: number[];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function conversation(agent: Agent, samples?: number[]): Promise<void> {
  const sid = newSessionId();
  for (const message of SCRIPT) {
    const started = performance.now();
    await agent.turn(sid, message);
    samples?.push(performance.now() - started);
  }
}

function buildAgent(mode: Mode, store: SessionStore): Agent {
  const canary = createCanary();
  return createAgent({
    store,
    guard: mode.guard(canary),
    payments: createPaymentGateway({
      provider: "mock",
      fallback: "mock",
      probeTtlMs: 30_000,
      publicUrl: "http://127.0.0.1:8080",
    }),
    model: createRulesModel(),
    logger: silentLogger(),
    settings: { maxSteps: 6, turnTimeoutMs: 30_000, canary },
  });
}

async function throughput(agent: Agent): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CONVERSATIONS) {
        next += 1;
        await conversation(agent);
      }
    }),
  );
  return (CONVERSATIONS * SCRIPT.length) / ((performance.now() - started) / 1000);
}

/** Modes take turns round by round, so JIT warm-up and machine noise fall on all of them alike. */
async function measureAll(store: SessionStore): Promise<Row[]> {
  const agents = MODES.map((mode) => buildAgent(mode, store));
  for (const agent of agents) for (let i = 0; i < 5; i++) await conversation(agent);
  const samples: number[][] = MODES.map(() => []);
  for (let round = 0; round < CONVERSATIONS; round++) {
    for (const [i, agent] of agents.entries()) await conversation(agent, samples[i]);
    if ((round + 1) % 10 === 0)
      process.stderr.write(`  latency: ${round + 1}/${CONVERSATIONS} rounds\n`);
  }
  // Throughput: two alternating passes, best of each (noise on a shared machine only slows down).
  const rates: number[] = MODES.map(() => 0);
  for (let pass = 0; pass < 2; pass++) {
    for (const [i, agent] of agents.entries())
      rates[i] = Math.max(rates[i]!, await throughput(agent));
    process.stderr.write(`  throughput: pass ${pass + 1}/2 done\n`);
  }
  return MODES.map((mode, i) => {
    const sorted = [...samples[i]!].sort((a, b) => a - b);
    return {
      name: mode.name,
      turns: sorted.length,
      p50: quantile(sorted, 0.5),
      p99: quantile(sorted, 0.99),
      mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
      turnsPerSecond: rates[i]!,
      samples: sorted,
    };
  });
}

function svg(rows: Row[]): string {
  const width = 640;
  const height = 60 + rows.length * 50;
  const max = Math.max(...rows.map((r) => r.p99)) * 1.15 || 1;
  const x = (ms: number) => 170 + (ms / max) * (width - 200);
  const bars = rows
    .map((r, i) => {
      const y = 40 + i * 50;
      return `<text x="10" y="${y + 14}" font-size="13">${r.name}</text>
<rect x="170" y="${y}" width="${x(r.p50) - 170}" height="12" fill="#4a7"/>
<rect x="170" y="${y + 14}" width="${x(r.p99) - 170}" height="12" fill="#d84"/>
<text x="${x(r.p99) + 4}" y="${y + 24}" font-size="11">p50 ${r.p50.toFixed(2)} ms · p99 ${r.p99.toFixed(2)} ms</text>`;
    })
    .join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<text x="10" y="20" font-size="14" font-weight="bold">Maya agent turn latency (rules model, SQLite): p50 green, p99 orange</text>
${bars}
</svg>
`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "maya-bench-agent-"));
  const store = await openStore(`sqlite:${join(dir, "maya.db")}`);
  process.stderr.write(
    `bench:agent — ${CONVERSATIONS} conversations × ${SCRIPT.length} turns per mode, then ${CONCURRENCY} at a time\n`,
  );
  let rows: Row[];
  try {
    rows = await measureAll(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0]!;
  const table = [
    "| mode | turns | p50 ms | p99 ms | mean ms | turns/s (8 concurrent) | p50 vs off | turns/s vs off |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.turns} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.mean.toFixed(2)} | ${r.turnsPerSecond.toFixed(0)} | ${(r.p50 / base.p50).toFixed(2)}× | ${(r.turnsPerSecond / base.turnsPerSecond).toFixed(2)}× |`,
    ),
  ].join("\n");
  process.stdout.write(`\n${table}\n`);
  mkdirSync("artifacts/bench", { recursive: true });
  writeFileSync("artifacts/bench/agent.svg", svg(rows));
  process.stdout.write("\nLatency chart: artifacts/bench/agent.svg\n");
}

await main();
