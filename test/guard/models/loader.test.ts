import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { parseLabelledJsonl } from "../../../src/guard/models/dataset.ts";
import { checkManifest } from "../../../src/guard/models/format.ts";
import { DEFAULT_MODEL_DIR, loadModels } from "../../../src/guard/models/index.ts";

const dir = mkdtempSync(join(tmpdir(), "maya-models-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function copyModels(): string {
  const target = mkdtempSync(join(dir, "m-"));
  cpSync(DEFAULT_MODEL_DIR, target, { recursive: true });
  return target;
}

test("a tampered weight file is refused with a checksum error", () => {
  const target = copyModels();
  const file = join(target, "toxicity.i8");
  const bytes = readFileSync(file);
  bytes[123] = (bytes[123]! + 1) & 0xff;
  writeFileSync(file, bytes);
  assert.throws(() => loadModels(target), /toxicity\.i8: checksum mismatch/);
});

test("a truncated weight file is refused with its size", () => {
  const target = copyModels();
  writeFileSync(join(target, "prompt-injection.i8"), new Uint8Array(10));
  assert.throws(() => loadModels(target), /prompt-injection\.i8: expected \d+ weights, found 10/);
});

test("a manifest with a bad field names that field", () => {
  const manifest = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, "guard-models.json"), "utf8"));
  assert.doesNotThrow(() => checkManifest(manifest));
  manifest.models.toxicity.platt.a = "x";
  assert.throws(() => checkManifest(manifest), /models\.toxicity\.platt/);
  assert.throws(() => checkManifest({ ...manifest, format: 99 }), /'format'/);
  assert.throws(() => checkManifest(null), /root/);
  const noPrior = JSON.parse(readFileSync(join(DEFAULT_MODEL_DIR, "guard-models.json"), "utf8"));
  noPrior.models.promptInjection.evidence = { halfAt: "12" };
  assert.throws(() => checkManifest(noPrior), /models\.promptInjection\.evidence/);
});

test("labelled JSON lines: bad lines are reported with their number", () => {
  const ok = parseLabelledJsonl(
    '{"text":"hi","label":"benign"}\n\n{"text":"x","label":"injection","source":"s"}\n',
    "prompt-injection",
  );
  assert.ok(ok.ok && ok.rows.length === 2 && ok.rows[1]!.label === 1);
  const badJson = parseLabelledJsonl('{"text":"hi","label":"benign"}\n{oops\n', "prompt-injection");
  assert.deepEqual(badJson, { ok: false, line: 2, message: "not valid JSON" });
  const badLabel = parseLabelledJsonl('{"text":"hi","label":"toxic"}', "prompt-injection");
  assert.ok(!badLabel.ok && /label must be 'injection' or 'benign'/.test(badLabel.message));
});
