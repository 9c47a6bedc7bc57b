import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  defaultScanConfig,
  parseScanConfig,
  ScanConfigError,
  scanConfigToJSON,
} from "../../src/guard/index.ts";

describe("ScanConfig", () => {
  it("has the documented defaults", () => {
    assert.equal(defaultScanConfig.promptInjectionEnabled, true);
    assert.equal(defaultScanConfig.promptInjectionThreshold, 0.5);
    assert.equal(defaultScanConfig.toxicityEnabled, true);
    assert.equal(defaultScanConfig.toxicityCascade, false);
    assert.equal(defaultScanConfig.cascadeTimeoutMs, 2_000);
    assert.equal(defaultScanConfig.toxicityThreshold, 0.5);
    assert.equal(defaultScanConfig.failMode, "open");
    assert.equal(defaultScanConfig.modelsEnabled, true);
    assert.equal(defaultScanConfig.invisibleTextMode, "strip");
    assert.deepEqual(defaultScanConfig.allowedUrlHosts, []);
    assert.equal(defaultScanConfig.canary, undefined);
    assert.deepEqual(parseScanConfig(undefined), defaultScanConfig);
  });

  it("ignores unknown keys so newer config files still load", () => {
    const config = parseScanConfig({ toxicityThreshold: 0.7, somethingFromTheFuture: { a: 1 } });
    assert.equal(config.toxicityThreshold, 0.7);
    assert.equal("somethingFromTheFuture" in config, false);
  });

  const rejects = (input: unknown, field: string) => {
    assert.throws(
      () => parseScanConfig(input),
      (error: unknown) => {
        assert.ok(error instanceof ScanConfigError);
        assert.equal(error.field, field);
        if (field !== "(root)") assert.ok(error.message.includes(field), error.message);
        return true;
      },
    );
  };

  it("rejects bad values with an error naming the field", () => {
    rejects({ promptInjectionThreshold: 1.5 }, "promptInjectionThreshold");
    rejects({ toxicityThreshold: -0.1 }, "toxicityThreshold");
    rejects({ toxicityThreshold: Number.NaN }, "toxicityThreshold");
    rejects({ toxicityThreshold: "0.5" }, "toxicityThreshold");
    rejects({ promptInjectionEnabled: "yes" }, "promptInjectionEnabled");
    rejects({ failMode: "sometimes" }, "failMode");
    rejects({ invisibleTextMode: "hide" }, "invisibleTextMode");
    rejects({ maxInputChars: 0 }, "maxInputChars");
    rejects({ maxTokens: 1.5 }, "maxTokens");
    rejects({ toxicityCascade: "on" }, "toxicityCascade");
    rejects({ cascadeTimeoutMs: 0 }, "cascadeTimeoutMs");
    rejects({ cascadeTimeoutMs: 120_000 }, "cascadeTimeoutMs");
    rejects({ allowedUrlHosts: ["not a host!"] }, "allowedUrlHosts.0");
    rejects({ canary: "short" }, "canary");
    rejects({ injectionMessage: "   " }, "injectionMessage");
    rejects(null, "(root)");
    rejects([1, 2], "(root)");
    rejects("open", "(root)");
  });

  it("round-trips through JSON for any valid config", () => {
    const hostArb = fc.constantFrom("example.com", "maya.bar", "docs.stripe.com", "localhost");
    const configArb = fc.record(
      {
        promptInjectionEnabled: fc.boolean(),
        promptInjectionThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
        toxicityEnabled: fc.boolean(),
        toxicityThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
        failMode: fc.constantFrom("open", "closed"),
        modelsEnabled: fc.boolean(),
        toxicityCascade: fc.boolean(),
        cascadeTimeoutMs: fc.integer({ min: 1, max: 60_000 }),
        invisibleTextMode: fc.constantFrom("strip", "block"),
        redactSecrets: fc.boolean(),
        redactPii: fc.boolean(),
        maxInputChars: fc.integer({ min: 1, max: 1_000_000 }),
        allowedUrlHosts: fc.array(hostArb, { maxLength: 3 }),
        canary: fc.string({ minLength: 8, maxLength: 40 }),
        toxicMessage: fc
          .string({ minLength: 1, maxLength: 50 })
          .filter((s) => s.trim() === s && s.length > 0),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(configArb, (input) => {
        const config = parseScanConfig(input);
        const again = parseScanConfig(JSON.parse(JSON.stringify(scanConfigToJSON(config))));
        assert.deepEqual(again, config);
      }),
      { numRuns: 300 },
    );
  });
});
