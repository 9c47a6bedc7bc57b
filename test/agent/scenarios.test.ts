import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Bench, injectedLinkBench, runScenario, runtimeBench } from "./scenario-runner.ts";
import { SCENARIOS } from "./scenarios.ts";

describe("task scenarios with the rules model (runtime on SQLite, mock payments)", () => {
  let bench: Bench;
  let injected: Bench;
  before(async () => {
    bench = await runtimeBench();
    injected = await injectedLinkBench();
  });
  after(async () => {
    await bench.close();
    await injected.close();
  });

  it("has at least 30 scenarios, adversarial ones included", () => {
    assert.ok(SCENARIOS.length >= 30, `${SCENARIOS.length} scenarios`);
    assert.ok(SCENARIOS.filter((s) => s.adversarial).length >= 8);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const problems = await runScenario(
        scenario.gateway === "injected-link" ? injected : bench,
        scenario,
      );
      assert.deepEqual(problems, []);
    });
  }
});
