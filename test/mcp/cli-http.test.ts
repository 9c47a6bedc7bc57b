import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { resolve } from "node:path";
import { after, before, describe, it } from "node:test";
import { call, connectHttp, stateOf, TOKEN } from "./harness.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const NODE = resolve(ROOT, "node_modules/.bin/node");
const ENV = { PATH: process.env.PATH ?? "", MAYA_STORE: "memory:", LOG_LEVEL: "silent" };

/** Runs `maya mcp ...` and collects its exit code and stderr. */
async function runMaya(args: string[], env: Record<string, string>) {
  const child = spawn(NODE, ["src/cli.ts", "mcp", ...args], { cwd: ROOT, env, stdio: "pipe" });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = (await once(child, "exit")) as [number];
  return { code, stderr };
}

describe("`maya mcp --http` (child process)", () => {
  let child: ChildProcess;
  let url: URL;

  before(async () => {
    child = spawn(NODE, ["src/cli.ts", "mcp", "--http", "--port", "0"], {
      cwd: ROOT,
      env: { ...ENV, MAYA_MCP_TOKENS: `${TOKEN},another-token-0123456789` },
      stdio: ["ignore", "ignore", "pipe"],
    });
    url = await new Promise<URL>((resolveUrl, reject) => {
      let seen = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /Maya's MCP server: (\S+)/.exec(seen);
        if (match?.[1]) resolveUrl(new URL(match[1]));
      });
      child.once("exit", (code) => reject(new Error(`maya mcp exited (${code}): ${seen}`)));
    });
  });

  after(async () => {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0, "shuts down cleanly on SIGTERM");
  });

  it("listens on 127.0.0.1 and serves the bar to a token holder", async () => {
    assert.equal(url.hostname, "127.0.0.1");
    const client = await connectHttp(url);
    try {
      const result = await call(client, "add_to_order", { item: "Martini", quantity: 2 });
      assert.equal(stateOf(result).tabCents, 2600);
    } finally {
      await client.close();
    }
    await assert.rejects(connectHttp(url, ""), /401|bearer token/i);
  });

  it("refuses to start without tokens, with short tokens, or with bad options", async () => {
    const [noTokens, short, badPort] = await Promise.all([
      runMaya(["--http", "--port", "0"], ENV),
      runMaya(["--http"], { ...ENV, MAYA_MCP_TOKENS: "tiny" }),
      runMaya(["--http", "--port", "seventy"], ENV),
    ]);
    assert.equal(noTokens.code, 2);
    assert.match(noTokens.stderr, /MAYA_MCP_TOKENS/);

    assert.equal(short.code, 2);
    assert.match(short.stderr, /shorter than 16/);
    assert.ok(!short.stderr.includes("tiny"), "never prints a token");

    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /--port/);
  });
});
