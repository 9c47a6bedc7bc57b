import type { MetricsHook } from "../agent/index.ts";
import type { Logger } from "../config/index.ts";

/** While Redis stays down the client retries every ~2 s; one log line per this interval is enough. */
export const STORE_ERROR_LOG_INTERVAL_MS = 30_000;
const MAX_MESSAGE_CHARS = 200;

/** An error's text without the credentials a store URL may hold (`redis://user:password@host`). */
export function scrubbedMessage(error: Error, storeUrl: string): string {
  let text = error.message.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@\s/]*@/gi, "$1***@");
  try {
    const { username, password } = new URL(storeUrl);
    for (const secret of [password, username]) {
      if (secret !== "") text = text.split(decodeURIComponent(secret)).join("***");
    }
  } catch {
    // Not a URL: nothing more to take out.
  }
  return text.slice(0, MAX_MESSAGE_CHARS);
}

export interface StoreErrorReporterOptions {
  logger: Logger;
  onEvent: MetricsHook;
  storeUrl: string;
  intervalMs?: number;
  now?: () => number;
}

/**
 * The store's `onError` (Redis connection problems while running; the client
 * reconnects by itself): every error is counted, and logged as
 * `store.connection_error` at most once per interval, with how many were
 * left out since the last line.
 */
export function storeErrorReporter(options: StoreErrorReporterOptions): (error: Error) => void {
  const { logger, onEvent, storeUrl } = options;
  const intervalMs = options.intervalMs ?? STORE_ERROR_LOG_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (error) => {
    onEvent("store_connection_errors", { backend: "redis" });
    if (now() - lastLoggedAt < intervalMs) {
      suppressed++;
      return;
    }
    lastLoggedAt = now();
    const code = (error as { code?: unknown }).code;
    logger.warn(
      {
        event: "store.connection_error",
        backend: "redis",
        ...(typeof code === "string" ? { code } : {}),
        message: scrubbedMessage(error, storeUrl),
        suppressed,
      },
      "the session store lost its connection; reconnecting",
    );
    suppressed = 0;
  };
}
