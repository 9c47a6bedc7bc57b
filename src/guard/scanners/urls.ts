/**
 * Links in a reply must point at hosts on the allow-list (or their
 * subdomains). Anything else, and any `javascript:`/`data:` link, blocks the
 * reply: a model tricked into linking out can phish or exfiltrate the chat.
 */

import type { Scanner } from "../types.ts";

// IPv6 hosts keep their brackets ("http://[::1]:8080/"); elsewhere "]" and ")" end a link (Markdown).
const LINK =
  /\b(?:https?|ftp|wss?):\/\/(?:\[[0-9a-f:.]{2,45}\][^\s<>"'`)\]}]{0,2048}|[^\s<>"'`)\]}]{1,2048})|\bwww\.[^\s<>"'`)\]}]{1,2048}/gi;
const SCRIPT_LINK =
  /\]\(\s{0,8}(?:javascript|data|vbscript):|(?:href|src)\s{0,8}=\s{0,8}["']?\s{0,8}(?:javascript|data|vbscript):|(?:^|\s)(?:javascript|vbscript):/i;
export const URL_PATTERNS: readonly RegExp[] = [LINK, SCRIPT_LINK];

function hostOf(link: string): string | null {
  try {
    const url = new URL(/^www\./i.test(link) ? `https://${link}` : link);
    return url.hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return null;
  }
}

export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => host === a || host.endsWith(`.${a}`));
}

export const urlsScanner: Scanner = {
  name: "urls",
  appliesTo: "output",
  enabled: (config) => config.blockUnlistedUrls,
  scan(text, { config, normalized }) {
    if (SCRIPT_LINK.test(text)) {
      return { score: 1, valid: false, reason: "script or data link in reply" };
    }
    const candidates = [text, ...normalized.decoded.map((d) => d.text)];
    for (const candidate of candidates) {
      for (const match of candidate.matchAll(LINK)) {
        const host = hostOf(match[0]);
        if (host === null || !isAllowedHost(host, config.allowedUrlHosts)) {
          return { score: 1, valid: false, reason: "link to a host outside the allow-list" };
        }
      }
    }
    return { score: 0, valid: true };
  },
};
