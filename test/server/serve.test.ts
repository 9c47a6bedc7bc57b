import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { call, connectHttp, stateOf, TOKEN } from "../mcp/harness.ts";
import { HttpGuest, startServe } from "./helpers/serve-process.ts";

describe("maya serve", () => {
  const folders: string[] = [];
  after(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("serves the page, shuts down cleanly on SIGTERM, and the SQLite tab survives a restart", async () => {
    const folder = await mkdtemp(join(tmpdir(), "maya-serve-"));
    folders.push(folder);
    const env = { MAYA_STORE: `sqlite:${join(folder, "maya.db")}` };

    const first = await startServe(env);
    const guest = new HttpGuest();
    try {
      const page = await fetch(`${first.origin}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>Maya/);
      const turn = await guest.call(first.origin, "POST", "/api/chat", { message: "Two Negronis" });
      assert.equal(turn.status, 200);
    } finally {
      assert.equal(await first.stop("SIGTERM"), 0, first.output());
    }
    await assert.rejects(fetch(`${first.origin}/healthz`), "the port is closed after shutdown");

    const second = await startServe(env);
    try {
      const state = await guest.call(second.origin, "GET", "/api/state");
      assert.equal(state.json.tabCents, 2200);
    } finally {
      assert.equal(await second.stop("SIGINT"), 0, second.output());
    }
  });

  it("mounts MCP at /mcp when MAYA_MCP_TOKENS is set, and still stops cleanly with a client connected", async () => {
    const served = await startServe({ MAYA_STORE: "memory:", MAYA_MCP_TOKENS: TOKEN });
    try {
      const client = await connectHttp(new URL("/mcp", served.origin));
      const result = await call(client, "add_to_order", { item: "Martini", quantity: 2 });
      assert.equal(stateOf(result).tabCents, 2600);
    } finally {
      assert.equal(await served.stop("SIGTERM"), 0, served.output());
    }
  });
});
