/**
 * The default pipeline, in order. Cheap, decisive checks first (length,
 * invisible text, canary), then redaction (so later scanners and the model see
 * redacted text), then classification. Adding a scanner: one file, one line here.
 */

import type { Scanner } from "../types.ts";
import { canaryScanner } from "./canary.ts";
import { invisibleTextScanner } from "./invisible-text.ts";
import { lengthScanner } from "./length.ts";
import { piiScanner } from "./pii.ts";
import { promptInjectionScanner } from "./prompt-injection.ts";
import { secretsScanner } from "./secrets.ts";
import { toxicityScanner } from "./toxicity.ts";
import { urlsScanner } from "./urls.ts";

export const defaultScanners: readonly Scanner[] = Object.freeze([
  lengthScanner,
  invisibleTextScanner,
  canaryScanner,
  secretsScanner,
  piiScanner,
  urlsScanner,
  promptInjectionScanner,
  toxicityScanner,
]);
