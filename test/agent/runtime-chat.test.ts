import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createRuntimeFromEnv, type Runtime } from "../../src/commands/runtime.ts";
import { silentLogger } from "../../src/config/index.ts";
import { newSessionId } from "../../src/state/index.ts";
import { uncertainToxicText } from "../guard/models/helpers.ts";

const NODE = process.execPath;

function chat(
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ["src/cli.ts", "chat"], {
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("runtime composition", () => {
  let dir: string;
  let runtime: Runtime;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "maya-runtime-"));
    runtime = await createRuntimeFromEnv(
      {
        MAYA_STORE: `sqlite:${join(dir, "maya.db")}`,
        LOG_LEVEL: "silent",
      },
      { logger: silentLogger() },
    );
  });
  after(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("defaults to the offline rules model, SQLite and mock payments", () => {
    assert.equal(runtime.model.provider, "rules");
    assert.equal(runtime.store.kind, "sqlite");
    assert.equal(runtime.payments.provider, "mock");
    assert.match(runtime.guard.config.canary ?? "", /^mk-[0-9a-f]{24}$/);
  });

  it("completes a payment through the mock checkout exactly once", async () => {
    const sid = newSessionId();
    await runtime.agent.turn(sid, "two IPAs");
    await runtime.agent.turn(sid, "I'd like to pay");
    const paid = await runtime.agent.turn(sid, "yes please");
    const id = /\/pay\/mock\/(mock_[0-9a-f]+)/.exec(paid.reply)?.[1];
    assert.ok(id, paid.reply);
    const page = await runtime.mockCheckoutPage(id);
    assert.equal(page.status, 200);
    assert.match(page.html, /\$12\.00/);
    const done = await runtime.completeMockPayment(id);
    assert.equal(done.outcome, "completed");
    const again = await runtime.completeMockPayment(id);
    assert.notEqual(again.outcome, "completed");
    const state = await runtime.agent.state(sid);
    assert.equal(state.paymentStatus, "completed");
    assert.equal(state.tabCents, 0);
    assert.equal(state.balanceCents, 98_800);
  });

  it("answers webhooks with 400 when no signing secret is configured, changing nothing", async () => {
    const answer = await runtime.handleWebhook("{}", "t=1,v1=abc");
    assert.equal(answer.status, 400);
  });

  it("reset starts a new conversation but keeps the tab", async () => {
    const sid = newSessionId();
    await runtime.agent.turn(sid, "a martini");
    const reset = await runtime.agent.reset(sid);
    assert.equal(reset.ok, true);
    if (reset.ok) assert.equal(reset.state.tabCents, 1_300);
    const loaded = await runtime.store.load(sid);
    assert.equal(loaded.ok && loaded.session.conversation.history.length, 0);
  });

  it("pays with the full default guard (trained classifiers on) too", async () => {
    const full = await createRuntimeFromEnv(
      { MAYA_STORE: "memory:", LOG_LEVEL: "silent" },
      { logger: silentLogger() },
    );
    try {
      const sid = newSessionId();
      await full.agent.turn(sid, "two IPAs please");
      await full.agent.turn(sid, "I'd like to pay");
      const paid = await full.agent.turn(sid, "yes please");
      assert.equal(paid.state.paymentStatus, "processing", paid.reply);
      assert.match(paid.reply, /\/pay\/mock\/mock_/);
    } finally {
      await full.close();
    }
  });

  it("refuses a hosted model without its key, naming the variable", async () => {
    await assert.rejects(
      createRuntimeFromEnv(
        { MAYA_MODEL: "anthropic:claude-haiku-4-5", MAYA_STORE: "memory:" },
        { logger: silentLogger() },
      ),
      /ANTHROPIC_API_KEY/,
    );
  });

  it("turns the toxicity cascade on with MAYA_GUARD_CASCADE and rejects a bad value", async () => {
    const withCascade = await createRuntimeFromEnv(
      { MAYA_STORE: "memory:", MAYA_GUARD_CASCADE: "on" },
      { logger: silentLogger() },
    );
    try {
      assert.equal(withCascade.guard.config.toxicityCascade, true);
      assert.equal(runtime.guard.config.toxicityCascade, false, "off by default");
      const result = await withCascade.guard.scanInput(uncertainToxicText());
      assert.ok(result.scannerScores.toxicityCascade !== undefined, "the second opinion was asked");
      assert.deepEqual(result.errors, []);
    } finally {
      await withCascade.close();
    }
    await assert.rejects(
      createRuntimeFromEnv(
        { MAYA_STORE: "memory:", MAYA_GUARD_CASCADE: "maybe" },
        { logger: silentLogger() },
      ),
      /MAYA_GUARD_CASCADE/,
    );
  });
});

describe("maya chat", () => {
  it("holds a conversation from piped input and shows the tab after each turn", async () => {
    const { code, stdout } = await chat("two martinis please\nadd a 20% tip\n", {
      MAYA_STORE: "memory:",
    });
    assert.equal(code, 0);
    assert.match(stdout, /maya> 2 Martinis coming up/);
    assert.match(stdout, /\[tab \$26\.00 · tip none · total \$26\.00 · balance \$974\.00\]/);
    assert.match(stdout, /\[tab \$26\.00 · tip 20% \$5\.20 · total \$31\.20 · balance \$974\.00\]/);
  });

  it("refuses a message over MAYA_MAX_MESSAGE_CHARS, as the web API does, and goes on", async () => {
    const { code, stdout } = await chat(`${"a Negroni ".repeat(10)}\ntwo martinis please\n`, {
      MAYA_STORE: "memory:",
      MAYA_MAX_MESSAGE_CHARS: "50",
    });
    assert.equal(code, 0);
    assert.match(stdout, /Your message is 99 characters long; Maya reads at most 50/);
    assert.doesNotMatch(stdout, /Negroni coming up/);
    assert.match(stdout, /\[tab \$26\.00 · tip none/);
  });

  it("rejects unknown options with a usage error", async () => {
    const child = spawn(NODE, ["src/cli.ts", "chat", "--bogus"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    assert.equal(code, 2);
    assert.match(stderr, /unknown option '--bogus'/);
  });
});
