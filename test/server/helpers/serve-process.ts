import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { SESSION_COOKIE } from "../../../src/server/index.ts";
import { freePort } from "./app.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Start-up includes loading the guard's models; busy CI machines are slow. */
const START_TIMEOUT_MS = 90_000;

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** `maya serve` as its own process, the way `npm start` runs it. */
export interface ServeProcess {
  origin: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["src/cli.ts", "serve"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LOG_LEVEL: "warn",
      MAYA_MODEL: "rules",
      MAYA_PAYMENTS: "mock",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Busy test machines lag; load shedding has its own test.
      MAYA_MAX_EVENT_LOOP_DELAY_MS: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = once(child, "exit");
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`maya serve did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      if (output.includes("Maya's bar is open at")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on("data", check);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`maya serve exited early:\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** A guest using real HTTP (fetch), carrying the cookie to whichever instance it calls. */
export class HttpGuest {
  cookie: string | undefined;

  async call(origin: string, method: "GET" | "POST", path: string, body?: unknown) {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(method === "POST" ? { origin } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie === undefined ? {} : { cookie: `${SESSION_COOKIE}=${this.cookie}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of response.headers.getSetCookie()) {
      const match = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(line);
      if (match?.[1]) this.cookie = match[1];
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // an HTML page (mock checkout)
    }
    return { status: response.status, json, text };
  }
}
