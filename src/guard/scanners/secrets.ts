/**
 * API keys, tokens and private keys, in either direction: redacted, not
 * blocked, so the guest's message still gets through without the secret.
 */

import type { Scanner } from "../types.ts";

type SecretPattern = { kind: string; re: RegExp };

// Each starts with a literal prefix and uses bounded or unambiguous classes.
const B = "(?<![A-Za-z0-9_-])";
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: "stripe_key", re: new RegExp(`${B}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}`, "g") },
  { kind: "stripe_webhook_secret", re: new RegExp(`${B}whsec_[A-Za-z0-9+/=]{16,256}`, "g") },
  {
    kind: "aws_access_key",
    re: new RegExp(`${B}(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![0-9A-Z])`, "g"),
  },
  {
    kind: "aws_secret_key",
    re: /aws_?secret_?(?:access_?)?key["']?\s{0,3}[:=]\s{0,3}["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi,
  },
  { kind: "google_api_key", re: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}`, "g") },
  { kind: "google_oauth_token", re: new RegExp(`${B}ya29\\.[0-9A-Za-z_-]{20,2048}`, "g") },
  { kind: "anthropic_key", re: new RegExp(`${B}sk-ant-[A-Za-z0-9_-]{20,256}`, "g") },
  {
    kind: "openai_key",
    re: new RegExp(`${B}sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,256}`, "g"),
  },
  {
    kind: "github_token",
    re: new RegExp(`${B}(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})`, "g"),
  },
  { kind: "slack_token", re: new RegExp(`${B}xox[baprs]-[A-Za-z0-9-]{10,200}`, "g") },
  {
    kind: "jwt",
    re: new RegExp(
      `${B}eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}\\.[A-Za-z0-9_-]{8,4096}`,
      "g",
    ),
  },
  {
    kind: "secret_assignment",
    re: /(?<![A-Za-z0-9_])(?:api[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|password|passwd)["']?\s{0,3}[:=]\s{0,3}["']?[^\s"']{8,200}/gi,
  },
];

const KEY_BEGIN = /-----BEGIN [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const KEY_END = /-----END [A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
export const SECRET_REGEXES: readonly RegExp[] = [
  ...SECRET_PATTERNS.map((p) => p.re),
  KEY_BEGIN,
  KEY_END,
];

/** Private key blocks: found with two linear searches (a lazy `[\s\S]*?` would be quadratic). */
function redactKeyBlocks(text: string, kinds: Set<string>): string {
  let out = "";
  let from = 0;
  for (;;) {
    KEY_BEGIN.lastIndex = from;
    const begin = KEY_BEGIN.exec(text);
    if (!begin) break;
    KEY_END.lastIndex = begin.index + begin[0].length;
    const end = KEY_END.exec(text);
    // No END line: everything after BEGIN is treated as key material.
    const stop = end ? end.index + end[0].length : text.length;
    out += `${text.slice(from, begin.index)}[redacted:private_key]`;
    kinds.add("private_key");
    from = stop;
  }
  return from === 0 ? text : out + text.slice(from);
}

export function redactSecrets(text: string): { text: string; kinds: string[] } {
  const kinds = new Set<string>();
  let out = text.includes("PRIVATE KEY") ? redactKeyBlocks(text, kinds) : text;
  for (const { kind, re } of SECRET_PATTERNS) {
    out = out.replace(re, () => {
      kinds.add(kind);
      return `[redacted:${kind}]`;
    });
  }
  return { text: out, kinds: [...kinds] };
}

export const secretsScanner: Scanner = {
  name: "secrets",
  appliesTo: "both",
  enabled: (config) => config.redactSecrets,
  scan(text) {
    const { text: redacted, kinds } = redactSecrets(text);
    if (kinds.length === 0) return { score: 0, valid: true };
    return { score: 1, valid: true, sanitized: redacted, reason: `redacted ${kinds.join(", ")}` };
  },
};
