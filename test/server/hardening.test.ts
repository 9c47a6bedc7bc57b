import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { SESSION_COOKIE } from "../../src/server/index.ts";
import { Guest, startTestApp, type TestApp } from "./helpers/app.ts";

let test: TestApp;
before(async () => {
  test = await startTestApp();
});
after(() => test.close());

describe("security headers", () => {
  it("serves the page with a strict CSP and the usual hardening headers", async () => {
    const response = await new Guest(test).get("/");
    assert.equal(response.statusCode, 200);
    const csp = String(response.headers["content-security-policy"]);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers["x-content-type-options"], "nosniff");
    assert.equal(response.headers["referrer-policy"], "no-referrer");
    assert.equal(response.headers["x-frame-options"], "DENY");
  });

  it("the page itself has no inline script or style for the CSP to block", async () => {
    const html = (await new Guest(test).get("/")).body;
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, "every script has a src");
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handlers");
    assert.doesNotMatch(html, /https?:\/\//i, "no third-party (CDN) URLs");
  });

  it("serves the browser code as JavaScript with nosniff", async () => {
    const response = await new Guest(test).get("/static/app.js");
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /javascript/);
  });
});

describe("the session cookie", () => {
  it("is __Host-, HttpOnly, Secure, SameSite=Strict, Path=/, with 256 random bits", async () => {
    const response = await new Guest(test).get("/api/state");
    const header = String(response.headers["set-cookie"]);
    assert.match(header, new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    assert.match(header, /; Path=\/(;|$)/);
    assert.match(header, /; HttpOnly/);
    assert.match(header, /; Secure/);
    assert.match(header, /; SameSite=Strict/);
    assert.doesNotMatch(header, /Domain=/i);
  });

  it("a known cookie is kept (no new one issued)", async () => {
    const guest = new Guest(test);
    await guest.get("/api/state");
    const response = await guest.get("/api/state");
    assert.equal(response.headers["set-cookie"], undefined);
  });

  it("any cookie value we did not issue starts a fresh session (property)", async () => {
    const alice = new Guest(test);
    await alice.chat("Two Negronis");
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          fc.constant(alice.cookie!.slice(0, 42)),
        ),
        async (value) => {
          const cookieSafe = encodeURIComponent(value);
          const guest = new Guest(test, cookieSafe);
          const response = await guest.get("/api/state");
          assert.equal(response.statusCode, 200);
          assert.equal(response.json().tabCents, 0);
          assert.notEqual(guest.cookie, cookieSafe, "a new id was issued");
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("CSRF", () => {
  const message = JSON.stringify({ message: "One Negroni" });
  const base = { "content-type": "application/json" };

  async function post(headers: Record<string, string>, url = "/api/chat", payload = message) {
    return test.app.inject({
      method: "POST",
      url,
      headers: { host: new URL(test.origin).host, ...headers },
      payload,
    });
  }

  it("refuses a state-changing request that says nothing about its origin", async () => {
    const response = await post(base);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().error, "cross_origin");
  });

  it("refuses another site's Origin", async () => {
    const response = await post({ ...base, origin: "https://evil.example" });
    assert.equal(response.statusCode, 403);
  });

  it("refuses another site's Origin on a percent-encoded path to the same route", async () => {
    for (const url of ["/%61pi/chat", "/api/ch%61t", `/%70ay/mock/mock_${"a".repeat(32)}`]) {
      const response = await post({ ...base, origin: "https://evil.example" }, url);
      assert.equal(response.statusCode, 403, url);
    }
  });

  it("refuses Sec-Fetch-Site: cross-site and same-site", async () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      const response = await post({ ...base, "sec-fetch-site": site });
      assert.equal(response.statusCode, 403, site);
    }
  });

  it("refuses a form post (text/plain, urlencoded) to the API even from our origin", async () => {
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const response = await post(
        { "content-type": type, origin: test.origin },
        "/api/chat",
        "message=hi",
      );
      assert.equal(response.statusCode, 415, type);
    }
  });

  it("refuses the mock checkout's Pay form from another origin", async () => {
    const response = await post(
      { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      `/pay/mock/mock_${"a".repeat(32)}`,
      "",
    );
    assert.equal(response.statusCode, 403);
  });

  it('treats "Origin: null" (form posts under no-referrer) as no answer: Sec-Fetch-Site decides', async () => {
    const checkout = `/pay/mock/mock_${"a".repeat(32)}`;
    const form = { "content-type": "application/x-www-form-urlencoded", origin: "null" };
    assert.equal((await post(form, checkout, "")).statusCode, 403);
    const sameOrigin = await post({ ...form, "sec-fetch-site": "same-origin" }, checkout, "");
    assert.equal(sameOrigin.statusCode, 404, "passes the CSRF check; no such checkout");
    const crossSite = await post({ ...form, "sec-fetch-site": "cross-site" }, checkout, "");
    assert.equal(crossSite.statusCode, 403);
  });

  it("accepts our own origin", async () => {
    const response = await post({ ...base, origin: test.origin, "sec-fetch-site": "same-origin" });
    assert.equal(response.statusCode, 200);
  });
});

describe("bad input", () => {
  it("a body over 16 KB is a 413 with a clear message", async () => {
    const response = await new Guest(test).post("/api/chat", { message: "x".repeat(17_000) });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().error, "body_too_large");
    assert.match(response.json().message, /16384 bytes/);
  });

  it("an overlong message is a 400 that names the limit, and nothing changes", async () => {
    const guest = new Guest(test);
    await guest.chat("One IPA");
    const response = await guest.post("/api/chat", { message: `Negroni ${"please ".repeat(400)}` });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, "message_too_long");
    assert.match(response.json().message, /at most 2000/);
    assert.equal((await guest.get("/api/state")).json().tabCents, 600);
  });

  it("malformed JSON is a 400", async () => {
    const response = await test.app.inject({
      method: "POST",
      url: "/api/chat",
      headers: {
        "content-type": "application/json",
        origin: test.origin,
        host: new URL(test.origin).host,
      },
      payload: '{"message": "a Negroni",',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error, "malformed_json");
  });

  it("any JSON body gets 200 or a clear 400, never a 500 (property)", async () => {
    const guest = new Guest(test);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (body) => {
        const response = await guest.post("/api/chat", body);
        assert.ok(
          [200, 400].includes(response.statusCode),
          `${response.statusCode}: ${response.body}`,
        );
        if (response.statusCode === 400) assert.equal(typeof response.json().message, "string");
      }),
      { numRuns: 40 },
    );
  });

  it("unknown paths are a JSON 404", async () => {
    const response = await new Guest(test).get("/api/nothing-here");
    assert.equal(response.statusCode, 404);
    assert.equal(response.json().error, "not_found");
  });
});

describe("rate limits", () => {
  it("per client address: 429 with Retry-After once the budget is spent", async () => {
    const limited = await startTestApp({ settings: { addressPerMinute: 5 } });
    try {
      const guest = new Guest(limited);
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await guest.get("/api/state")).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
      const response = await guest.get("/api/state");
      assert.ok(Number(response.headers["retry-after"]) >= 1);
      assert.equal(response.json().error, "rate_limited");
      const metrics = (await guest.get("/metrics")).body;
      assert.match(metrics, /maya_rate_limited_total\{limit="address"\} [3-9]/);
    } finally {
      await limited.close();
    }
  });

  it("per session: one guest's budget does not spend another's", async () => {
    const limited = await startTestApp({ settings: { sessionPerMinute: 3 } });
    try {
      const greedy = new Guest(limited);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await greedy.post("/api/tip", { percent: null })).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 429, 429]);
      const other = new Guest(limited);
      assert.equal((await other.post("/api/tip", { percent: null })).statusCode, 200);
    } finally {
      await limited.close();
    }
  });

  it("session creation is limited per address", async () => {
    const limited = await startTestApp({ settings: { newSessionsPerMinute: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await new Guest(limited).get("/api/state")).statusCode);
      assert.deepEqual(codes, [200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it("proxy headers are ignored unless trusted", async () => {
    const limited = await startTestApp({ settings: { addressPerMinute: 2 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const guest = new Guest(limited);
        const response = await guest.request("GET", "/api/state", undefined, {
          "x-forwarded-for": `203.0.113.${i}`,
        });
        codes.push(response.statusCode);
      }
      assert.deepEqual(codes, [200, 200, 429], "spoofed X-Forwarded-For does not dodge the limit");
    } finally {
      await limited.close();
    }
  });

  it("with trust proxy on, only the hop our proxy added counts (a spoofed chain does not help)", async () => {
    const limited = await startTestApp({ settings: { addressPerMinute: 1, trustProxy: true } });
    try {
      const codes: number[] = [];
      for (const spoofed of ["198.51.100.1", "198.51.100.2"]) {
        const response = await new Guest(limited).request("GET", "/api/state", undefined, {
          "x-forwarded-for": `${spoofed}, 203.0.113.9`,
        });
        codes.push(response.statusCode);
      }
      assert.deepEqual(codes, [200, 429]);
    } finally {
      await limited.close();
    }
  });

  it("with trust proxy on, each forwarded address has its own budget", async () => {
    const limited = await startTestApp({ settings: { addressPerMinute: 1, trustProxy: true } });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await new Guest(limited).request("GET", "/api/state", undefined, {
          "x-forwarded-for": `203.0.113.${i}`,
        });
        assert.equal(response.statusCode, 200);
      }
    } finally {
      await limited.close();
    }
  });
});

describe("load shedding", () => {
  /** Busy machines lag on their own: ask again (a few seconds at most) until the app answers 200. */
  async function eventually200(guest: Guest): Promise<void> {
    for (let attempt = 0; attempt < 40; attempt++) {
      if ((await guest.get("/api/state")).statusCode === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.fail("the app never recovered from shedding");
  }

  it("answers 503 with Retry-After while the event loop lags, and recovers", async () => {
    const shedding = await startTestApp({
      settings: { maxEventLoopDelayMs: 200, eventLoopSampleMs: 250 },
    });
    try {
      const guest = new Guest(shedding);
      await eventually200(guest);
      // Hog the event loop well past the limit, then let the sampler see it.
      const until = Date.now() + 800;
      while (Date.now() < until) {}
      await new Promise((resolve) => setTimeout(resolve, 20));
      const shed = await guest.get("/api/state");
      assert.equal(shed.statusCode, 503);
      assert.equal(shed.json().error, "overloaded");
      assert.equal(shed.headers["retry-after"], "1");
      // Health stays answerable while shedding.
      assert.equal((await guest.get("/healthz")).statusCode, 200);
      await eventually200(guest);
    } finally {
      await shedding.close();
    }
  });
});
