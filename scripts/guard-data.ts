/**
 * Writes our own guard training data under `data/`:
 *   data/prompt-injection.generated.jsonl, data/toxicity.generated.jsonl
 * from the seeded grammars in guard-data-*.ts. Same seed → same files.
 * Rows get a hash-based train/val split (20 % val), like the shared data.
 *
 *   node scripts/guard-data.ts
 */

import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ALL_PROBES } from "../test/guard/models/probes.ts";
import { abuseFamilies } from "./guard-data-abuse.ts";
import { everydayFamilies } from "./guard-data-everyday.ts";
import { genericInjectionFamilies, genericToxicityFamilies } from "./guard-data-generic.ts";
import { harmInjectionFamilies, harmToxicityFamilies } from "./guard-data-harm.ts";
import { hijackInjectionFamilies } from "./guard-data-hijack.ts";
import { injectionFamilies } from "./guard-data-injection.ts";
import type { Family } from "./guard-data-shared.ts";
import { toxicityFamilies } from "./guard-data-toxicity.ts";
import { worldInjectionFamilies, worldToxicityFamilies } from "./guard-data-world.ts";
import { textBucket } from "./guard-fit.ts";

const SEED = 20261124;
const OUT = resolve(import.meta.dirname, "../data");

const dedupeKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The hand-written probe suites must stay unseen, or they would measure
 * memory: a generated row equal to a probe (after normalising case and
 * punctuation) is dropped like a duplicate.
 */
const PROBES = new Set(ALL_PROBES.map(dedupeKey));

/** Generates each family's rows, skipping duplicates and probes (up to a bounded number of tries). */
function generate(families: readonly Family[]): string[] {
  const seen = new Set<string>(PROBES);
  const lines: string[] = [];
  for (const family of families) {
    let made = 0;
    for (let tries = 0; made < family.count && tries < family.count * 20; tries++) {
      const text = family.make();
      const key = dedupeKey(text);
      if (text.length < 3 || seen.has(key)) continue;
      seen.add(key);
      made++;
      const split = textBucket(key) < 20 ? "val" : "train";
      lines.push(
        JSON.stringify({
          text,
          label: family.label,
          source: `maya:generated/${family.name}`,
          split,
        }),
      );
    }
    process.stderr.write(
      `  ${family.name.padEnd(28)} ${String(made).padStart(5)} ${family.label}\n`,
    );
  }
  return lines;
}

for (const [file, families] of [
  [
    "prompt-injection.generated.jsonl",
    [
      ...injectionFamilies(SEED),
      ...everydayFamilies(SEED + 2, "benign"),
      ...genericInjectionFamilies(SEED + 6),
      ...worldInjectionFamilies(SEED + 8),
      ...harmInjectionFamilies(SEED + 10),
      ...hijackInjectionFamilies(SEED + 12),
    ],
  ],
  [
    "toxicity.generated.jsonl",
    [
      ...toxicityFamilies(SEED + 1),
      ...everydayFamilies(SEED + 3, "nontoxic"),
      ...abuseFamilies(SEED + 5),
      ...genericToxicityFamilies(SEED + 7),
      ...worldToxicityFamilies(SEED + 9),
      ...harmToxicityFamilies(SEED + 11),
    ],
  ],
] as const) {
  process.stderr.write(`${file}\n`);
  const lines = generate(families);
  writeFileSync(join(OUT, file), `${lines.join("\n")}\n`);
  process.stderr.write(`  → ${lines.length} rows\n`);
}
