import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { request as httpRequest } from "node:http";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { boundPolicy, isServedHost } from "../../src/server/host-check.ts";
import { startTestApp, type TestApp } from "./helpers/app.ts";

/** A raw HTTP request with any Host header (fetch would not let us choose it). */
function get(port: number, path: string, host: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("DNS rebinding: only the hosts the server serves are answered", () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ listen: true });
  });
  after(() => test.close());

  it("refuses a rebound name on the API, metrics and readiness with 421 and a clear body", async () => {
    for (const path of ["/api/state", "/metrics", "/readyz", "/"]) {
      const answer = await get(test.port, path, `evil.example:${test.port}`);
      assert.equal(answer.status, 421, path);
      const body = JSON.parse(answer.body) as { error: string; message: string };
      assert.equal(body.error, "unknown_host");
      assert.match(body.message, /host/);
    }
    const metrics = await get(test.port, "/metrics", test.origin.slice("http://".length));
    assert.match(metrics.body, /maya_rejected_requests_total\{reason="host"\} 4/);
  });

  it("answers the bound address and the loopback names on the bound port", async () => {
    for (const name of ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"]) {
      const answer = await get(test.port, "/api/state", `${name}:${test.port}`);
      assert.equal(answer.status, 200, name);
    }
    assert.equal((await get(test.port, "/api/state", `localhost:${test.port + 1}`)).status, 421);
    assert.equal((await get(test.port, "/api/state", "localhost")).status, 421);
  });

  it("answers /healthz for any Host (liveness probes use the pod's address)", async () => {
    assert.equal((await get(test.port, "/healthz", "10.1.2.3:9999")).status, 200);
  });
});

describe("with MAYA_PUBLIC_URL the public host is the only one answered", () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ settings: { publicUrl: "https://bar.example" } });
  });
  after(() => test.close());

  it("serves bar.example and refuses everything else, loopback included", async () => {
    const ok = await test.app.inject({ url: "/api/state", headers: { host: "bar.example" } });
    assert.equal(ok.statusCode, 200);
    for (const host of ["evil.example", `127.0.0.1:${test.port}`, "bar.example.evil.example"]) {
      const refused = await test.app.inject({ url: "/metrics", headers: { host } });
      assert.equal(refused.statusCode, 421, host);
    }
  });
});

describe("bound to a non-loopback address without a public URL", () => {
  const policy = boundPolicy([{ address: "0.0.0.0", port: 8080 }]);

  it("answers IP literals and loopback names on the bound port, never a DNS name", () => {
    for (const host of ["192.168.1.20:8080", "[fe80::1]:8080", "localhost:8080", "[::1]:8080"]) {
      assert.equal(isServedHost(host, policy), true, host);
    }
    for (const host of [
      "evil.example:8080",
      "192.168.1.20:9090",
      "192.168.1.20",
      "1.2.3.4.nip.io:8080",
    ]) {
      assert.equal(isServedHost(host, policy), false, host);
    }
    assert.equal(isServedHost(undefined, policy), false);
  });
});

describe("maya serve off loopback", () => {
  it("refuses to start in production without MAYA_PUBLIC_URL, saying what to set", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["src/cli.ts", "serve"],
        {
          cwd: fileURLToPath(new URL("../../", import.meta.url)),
          env: {
            PATH: process.env.PATH ?? "",
            HOST: "0.0.0.0",
            PORT: "0",
            NODE_ENV: "production",
            MAYA_STORE: "memory:",
            MAYA_MODEL: "rules",
            MAYA_PAYMENTS: "mock",
            LOG_LEVEL: "silent",
          },
          timeout: 30_000,
        },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /set MAYA_PUBLIC_URL/);
  });
});
