/** Zero-width, bidi, tag and control characters: stripped (default) or refused. */

import { scanInvisible } from "../invisible.ts";
import type { Scanner } from "../types.ts";

export const invisibleTextScanner: Scanner = {
  name: "invisibleText",
  appliesTo: "both",
  enabled: (config) => config.invisibleTextEnabled,
  scan(text, { config }) {
    const found = scanInvisible(text);
    if (found.removed === 0) return { score: 0, valid: true };
    const reason = `${found.removed} invisible character(s)${found.tagText ? " including Unicode tags" : ""}`;
    if (config.invisibleTextMode === "block") return { score: 1, valid: false, reason };
    return { score: 1, valid: true, sanitized: found.visible, reason: `stripped ${reason}` };
  },
};
