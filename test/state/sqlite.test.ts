import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { after, before, describe, it } from "node:test";
import { STARTING_BALANCE_CENTS } from "../../src/bar/index.ts";
import { newSessionId, openStore } from "../../src/state/index.ts";
import { fakeClock, storeContract } from "./contract.ts";
import { ordersFromAnotherProcess } from "./fixtures/processes.ts";

storeContract("sqlite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "maya-sqlite-"));
  const clock = fakeClock();
  const url = `sqlite:${join(dir, "nested", "maya.db")}`;
  return {
    open: (options) => openStore(url, { now: clock.now, ...options }),
    advance: clock.advance,
    close: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("sqlite adapter", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "maya-sqlite-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("creates the file and its folder on first use, in WAL mode, and keeps data across reopen", async () => {
    const path = join(dir, "a", "b", "maya.db");
    assert.equal(existsSync(path), false);
    const sid = newSessionId();
    const first = await openStore(`sqlite:${path}`, { sweepIntervalMs: 0 });
    await first.orderItem(sid, { item: "Old Fashioned" });
    await first.close();
    assert.ok(existsSync(path));
    const db = new DatabaseSync(path);
    assert.equal(
      (db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode,
      "wal",
    );
    db.close();
    const second = await openStore(`sqlite:${path}`, { sweepIntervalMs: 0 });
    const loaded = await second.load(sid);
    assert.ok(loaded.ok && loaded.state.tabCents === 1200 && loaded.state.version === 1);
    await second.close();
  });

  it("two processes ordering on one session: nothing lost", { timeout: 90_000 }, async () => {
    const url = `sqlite:${join(dir, "shared.db")}`;
    const sid = newSessionId();
    const store = await openStore(url, { sweepIntervalMs: 0 });
    await store.load(sid);
    const [a, b] = await Promise.all([
      ordersFromAnotherProcess(url, sid, 100),
      ordersFromAnotherProcess(url, sid, 100),
    ]);
    const loaded = await store.load(sid);
    await store.close();
    assert.ok(loaded.ok);
    const succeeded = a.succeeded + b.succeeded;
    assert.equal(loaded.state.version, succeeded);
    assert.equal(loaded.state.tabCents, a.chargedCents + b.chargedCents);
    assert.equal(loaded.state.balanceCents, STARTING_BALANCE_CENTS - loaded.state.tabCents);
    assert.ok(
      succeeded >= 190,
      `most orders succeed (${succeeded}, ${JSON.stringify([a.failures, b.failures])})`,
    );
  });

  it("refuses unknown store URLs with a clear message", async () => {
    await assert.rejects(openStore("postgres://x"), /Unknown MAYA_STORE "postgres:"/);
    await assert.rejects(openStore("sqlite:"), /needs a file path/);
  });
});
