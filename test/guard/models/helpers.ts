/** Shared test helpers: our committed data rows and the model-side normalisation. */

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalize } from "../../../src/guard/index.ts";
import {
  type LabelledRow,
  parseLabelledJsonl,
  type Task,
} from "../../../src/guard/models/dataset.ts";

const DATA = fileURLToPath(new URL("../../../data/", import.meta.url));

export function ownRows(task: Task, kind: "generated" | "handwritten"): LabelledRow[] {
  const parsed = parseLabelledJsonl(readFileSync(`${DATA}${task}.${kind}.jsonl`, "utf8"), task);
  if (!parsed.ok) throw new Error(`data/${task}.${kind}.jsonl:${parsed.line}: ${parsed.message}`);
  return parsed.rows;
}

export function modelText(text: string): string {
  return normalize(text).combined;
}
