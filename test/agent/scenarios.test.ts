import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  type Bench,
  INJECTED_LINKS,
  injectedLinkBench,
  runScenario,
  runtimeBench,
} from "./scenario-runner.ts";
import { SCENARIOS } from "./scenarios.ts";

describe("task scenarios with the rules model (runtime on SQLite, mock payments)", () => {
  let bench: Bench;
  const injected: Partial<Record<keyof typeof INJECTED_LINKS, Bench>> = {};
  before(async () => {
    bench = await runtimeBench();
    for (const kind of Object.keys(INJECTED_LINKS) as Array<keyof typeof INJECTED_LINKS>) {
      injected[kind] = await injectedLinkBench(kind);
    }
  });
  after(async () => {
    await bench.close();
    for (const b of Object.values(injected)) await b.close();
  });

  it("has at least 30 scenarios, adversarial ones included", () => {
    assert.ok(SCENARIOS.length >= 30, `${SCENARIOS.length} scenarios`);
    assert.ok(SCENARIOS.filter((s) => s.adversarial).length >= 8);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const problems = await runScenario(
        scenario.gateway ? injected[scenario.gateway]! : bench,
        scenario,
      );
      assert.deepEqual(problems, []);
    });
  }
});
