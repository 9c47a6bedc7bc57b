import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { SESSION_COOKIE, sessionKeyOf } from "../../src/server/index.ts";
import { Guest, startTestApp, type TestApp } from "./helpers/app.ts";

let test: TestApp;
/** Cookie hashes registered in the cookie directory (records that carry a session key). */
const registered: string[] = [];
before(async () => {
  test = await startTestApp();
  const store = test.runtime.store;
  const putRecord = store.putRecord.bind(store);
  store.putRecord = (namespace, key, value, options) => {
    if (namespace === "web-cookie") registered.push(key);
    return putRecord(namespace, key, value, options);
  };
});
after(() => test.close());

describe("POST /api/reset without a session we know", () => {
  for (const [label, cookie] of [
    ["no cookie", undefined],
    ["an id we never issued", randomBytes(32).toString("base64url")],
  ] as const) {
    it(`with ${label}: one new cookie, and no directory record besides it`, async () => {
      registered.length = 0;
      const guest = new Guest(test, cookie);
      const reset = await guest.post("/api/reset");
      assert.equal(reset.statusCode, 200);
      const issued = reset.cookies.filter((c) => c.name === SESSION_COOKIE);
      assert.equal(issued.length, 1, "exactly one Set-Cookie");
      assert.deepEqual(registered, [sessionKeyOf(issued[0]?.value ?? "")], "no orphan record");

      await guest.chat("Two IPAs");
      const state = await guest.get("/api/state");
      assert.equal(state.cookies.length, 0, "the issued cookie is the session's");
      assert.equal(state.json().tabCents, 1200);
    });
  }

  it("a known session still gets a new id on reset and keeps its tab", async () => {
    const guest = new Guest(test);
    await guest.chat("Three IPAs");
    registered.length = 0;
    const before = guest.cookie;
    const reset = await guest.post("/api/reset");
    const issued = reset.cookies.filter((c) => c.name === SESSION_COOKIE);
    assert.equal(issued.length, 1);
    assert.notEqual(guest.cookie, before);
    assert.deepEqual(registered, [sessionKeyOf(guest.cookie ?? "")]);
    assert.equal(reset.json().state.tabCents, 1800);
  });
});
