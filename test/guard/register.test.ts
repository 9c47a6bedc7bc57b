/** Own file (own process): registering classifiers changes the default for every new guard. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Classifier, createGuard, registerClassifiers } from "../../src/guard/index.ts";

describe("registerClassifiers", () => {
  it("becomes the default for guards built without their own classifiers", async () => {
    const calls: string[] = [];
    const suspicious: Classifier = {
      name: "registered-test",
      score: (text) => {
        calls.push(text);
        return 0.99;
      },
    };
    registerClassifiers({ promptInjection: suspicious });
    const r = await createGuard().scanInput("A Negroni, please");
    assert.equal(r.blockedBy, "promptInjection");
    assert.equal(r.scannerScores.promptInjectionModel, 0.99);
    assert.deepEqual(calls, ["a negroni, please"]);

    const own = await createGuard({}, { classifiers: {} }).scanInput("A Negroni, please");
    assert.equal(own.isValid, true, "a guard's own classifiers win");
    const off = await createGuard({ modelsEnabled: false }).scanInput("A Negroni, please");
    assert.equal(off.isValid, true, "modelsEnabled: false ignores them");
  });
});
