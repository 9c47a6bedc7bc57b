/** Shared test helpers: our committed data rows and the model-side normalisation. */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalize } from "../../../src/guard/index.ts";
import {
  type LabelledRow,
  parseLabelledJsonl,
  type Task,
} from "../../../src/guard/models/dataset.ts";
import { loadDefaultClassifiers } from "../../../src/guard/models/index.ts";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));

export function ownRows(task: Task, kind: "generated" | "handwritten"): LabelledRow[] {
  const parsed = parseLabelledJsonl(readFileSync(`${DATA}${task}.${kind}.jsonl`, "utf8"), task);
  if (!parsed.ok) throw new Error(`data/${task}.${kind}.jsonl:${parsed.line}: ${parsed.message}`);
  return parsed.rows;
}

export function modelText(text: string): string {
  return normalize(text).combined;
}

/**
 * A toxic-leaning message the committed toxicity model is unsure of, so a
 * guard with the cascade on asks for the second opinion (picked at run time,
 * so a retrain that moves one of them does not silently skip the cascade).
 */
export function uncertainToxicText(): string {
  const toxicity = loadDefaultClassifiers().toxicity;
  const text = [
    "I will find you and hurt you.",
    "people like you should be put down",
    "you people are ruining this town",
    "nobody asked for your opinion, bot",
    "honestly this place is a dump and so are you",
  ].find((t) => toxicity?.refiner?.wants(toxicity.score(modelText(t))));
  if (!text) throw new Error("no probe text falls in the cascade's band; widen the list");
  return text;
}
