import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A real redis-server for tests: its own process on a free loopback port, in a
 * temporary folder, no persistence. `stop()` ends it and removes the folder;
 * `restart()` stops it and starts it again on the same port (data is lost, like
 * a restarted cache); `crash()`/`revive()` kill it and bring it back on the
 * same port; `freeze()`/`thaw()` suspend it so commands hang.
 *
 *   const redis = await startRedis();
 *   after(() => redis.stop());
 *   const store = await openStore(redis.url);
 */
export interface TestRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Kills the server (SIGKILL) but keeps its port and folder for `revive()`. */
  crash(): Promise<void>;
  /** Starts a crashed server again on the same port. */
  revive(): Promise<void>;
  /** Suspends the server (SIGSTOP): it accepts nothing and answers nothing. */
  freeze(): void;
  thaw(): void;
}

const READY_TIMEOUT_MS = 10_000;
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something on the port answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
  });
}

function launch(port: number, dir: string): ChildProcess {
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

async function waitReady(child: ChildProcess, port: number): Promise<void> {
  let exited = false;
  let spawnError: Error | undefined;
  child.once("exit", () => {
    exited = true;
  });
  child.once("error", (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError) {
      throw new Error(
        `Cannot start redis-server (is it installed? see .ci/run): ${spawnError.message}`,
      );
    }
    if (exited) throw new Error(`redis-server exited at start (port ${port} taken?)`);
    if (await answersPing(port)) return;
    await sleep(30);
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server on port ${port} did not answer within ${READY_TIMEOUT_MS} ms`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGCONT");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(timer);
}

export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), "maya-redis-"));
  let port = 0;
  let child: ChildProcess | undefined;
  // A free port can be taken between probing and binding; try a few.
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    const candidate = launch(port, dir);
    try {
      await waitReady(candidate, port);
      child = candidate;
    } catch (error) {
      await terminate(candidate);
      if (attempt >= 3 || /installed/.test((error as Error).message)) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  let current: ChildProcess = child;
  let stopped = false;

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await terminate(current);
      await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await terminate(current);
      current = launch(port, dir);
      await waitReady(current, port);
    },
    async crash() {
      const exited = new Promise<void>((resolve) => current.once("exit", () => resolve()));
      current.kill("SIGKILL");
      await exited;
    },
    async revive() {
      current = launch(port, dir);
      await waitReady(current, port);
    },
    freeze() {
      current.kill("SIGSTOP");
    },
    thaw() {
      current.kill("SIGCONT");
    },
  };
}
