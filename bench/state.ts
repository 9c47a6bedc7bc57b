/**
 * Session-store throughput: order updates per second on memory, SQLite and
 * Redis, with 1 and 50 sessions updated concurrently. Each update is one
 * versioned write (order a drink, or take it off again so tabs never run out).
 * Ratios are against the memory adapter measured in the same run.
 *
 *   npm run bench:state            (about 20 s)
 *   npm run bench:state -- 5       (5 s per cell)
 */
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { newSessionId, openStore, type SessionStore } from "../src/state/index.ts";
import { startRedis } from "../test/helpers/redis.ts";

const SECONDS = Number(process.argv[2] ?? 2);
const CONCURRENCY = [1, 50];

interface Cell {
  store: string;
  sessions: number;
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time of this process per op: steadier than wall time on a shared machine. */
  cpuMicros: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(name: string, store: SessionStore, sessions: number): Promise<Cell> {
  const ids = Array.from({ length: sessions }, () => newSessionId());
  const latencies: number[] = [];
  const worker = async (sid: string, until: number, record: boolean) => {
    let i = 0;
    while (performance.now() < until) {
      const start = performance.now();
      const result =
        i++ % 2 === 0
          ? await store.orderItem(sid, { item: "Water" })
          : await store.removeItem(sid, { item: "Water" });
      if (!result.ok) throw new Error(`${name}: ${result.code} ${result.message}`);
      if (record) latencies.push(performance.now() - start);
    }
  };
  // Warm up (JIT, SQLite page cache, Redis script cache).
  await Promise.all(ids.map((sid) => worker(sid, performance.now() + 300, false)));
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(ids.map((sid) => worker(sid, started + SECONDS * 1000, true)));
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    store: name,
    sessions,
    ops: latencies.length,
    opsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMicros: (used.user + used.system) / latencies.length,
  };
}

const dir = await mkdtemp(join(tmpdir(), "maya-bench-"));
const redis = await startRedis();
const cells: Cell[] = [];
try {
  const targets: Array<[string, () => Promise<SessionStore>]> = [
    ["memory", () => openStore("memory:", { sweepIntervalMs: 0 })],
    ["sqlite", () => openStore(`sqlite:${join(dir, "bench.db")}`, { sweepIntervalMs: 0 })],
    ["redis", () => openStore(redis.url, { sweepIntervalMs: 0 })],
  ];
  for (const [name, open] of targets) {
    const store = await open();
    for (const sessions of CONCURRENCY) {
      process.stderr.write(`… ${name}, ${sessions} session(s), ${SECONDS} s\n`);
      cells.push(await measure(name, store, sessions));
    }
    await store.close();
  }
} finally {
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
}

const baseline = (sessions: number) =>
  cells.find((c) => c.store === "memory" && c.sessions === sessions)!;
const rows = cells.map((c) => ({
  store: c.store,
  sessions: c.sessions,
  "ops/s": Math.round(c.opsPerSecond),
  "vs memory": `${(c.opsPerSecond / baseline(c.sessions).opsPerSecond).toFixed(2)}×`,
  "p50 ms": c.p50.toFixed(3),
  "p99 ms": c.p99.toFixed(3),
  "CPU µs/op": c.cpuMicros.toFixed(0),
  ops: c.ops,
}));
console.log(
  `\nOrder updates per second (${SECONDS} s per cell, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores, ${new Date().toISOString()})`,
);
console.log("CPU µs/op is this process's CPU time per update (Redis' own CPU not included).");
console.table(rows);
