import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  currentSessionId,
  KeyedMutex,
  newSessionId,
  requireSessionId,
  runInSession,
  sessionLocks,
  withSessionLock,
} from "../../src/state/index.ts";

describe("session context", () => {
  it("is visible inside runInSession, across awaits, and nowhere else", async () => {
    const sid = newSessionId();
    assert.equal(currentSessionId(), undefined);
    const seen = await runInSession(sid, async () => {
      await sleep(1);
      return [currentSessionId(), requireSessionId()];
    });
    assert.deepEqual(seen, [sid, sid]);
    assert.equal(currentSessionId(), undefined);
    assert.throws(() => requireSessionId(), /No session in context/);
  });

  it("is cleared after the function throws, sync or async", async () => {
    const sid = newSessionId();
    assert.throws(() =>
      runInSession(sid, () => {
        throw new Error("boom");
      }),
    );
    assert.equal(currentSessionId(), undefined);
    await assert.rejects(
      runInSession(sid, async () => {
        await sleep(1);
        throw new Error("boom");
      }),
    );
    assert.equal(currentSessionId(), undefined);
    // A later, unrelated piece of work does not inherit it either.
    await new Promise<void>((resolve) => {
      setImmediate(() => {
        assert.equal(currentSessionId(), undefined);
        resolve();
      });
    });
  });

  it("keeps concurrent sessions apart", async () => {
    const ids = Array.from({ length: 20 }, () => newSessionId());
    const seen = await Promise.all(
      ids.map((sid, i) =>
        runInSession(sid, async () => {
          await sleep(20 - i);
          return currentSessionId();
        }),
      ),
    );
    assert.deepEqual(seen, ids);
  });

  it("refuses a malformed session id", () => {
    assert.throws(() => runInSession("bad id", () => 1), /session id must be 16 to 128/);
    assert.throws(() => runInSession("bad id with spaces ok", () => 1), /letters, digits/);
  });
});

describe("session locks", () => {
  it("runs one session's work one at a time, in arrival order, other sessions in parallel", async () => {
    const a = newSessionId();
    const b = newSessionId();
    const log: string[] = [];
    const job = (sid: string, name: string, ms: number) =>
      withSessionLock(sid, async () => {
        log.push(`${name}+`);
        await sleep(ms);
        log.push(`${name}-`);
      });
    await Promise.all([job(a, "a1", 20), job(a, "a2", 1), job(b, "b1", 5)]);
    const a1End = log.indexOf("a1-");
    assert.ok(a1End < log.indexOf("a2+"), log.join(" "));
    assert.ok(log.indexOf("b1+") < a1End, "b did not wait for a");
  });

  it("releases the lock when the work throws, and frees idle entries", async () => {
    const sid = newSessionId();
    await assert.rejects(
      withSessionLock(sid, async () => {
        throw new Error("boom");
      }),
    );
    assert.equal(await withSessionLock(sid, () => "next"), "next");
    assert.equal(sessionLocks.size, 0);
    const mutex = new KeyedMutex();
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => mutex.run(`k${i % 50}`, async () => i)),
    );
    assert.equal(mutex.size, 0);
    assert.equal(mutex.prune(), 0);
  });
});
