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
  /** Whose connection this is (default: the session store's). */
  source?: RedisErrorSource;
}

/** Names a Redis client's errors are logged and counted under. */
export interface RedisErrorSource {
  /** The log line's `event`. */
  event: string;
  /** The metrics hook's event name (counted in `/metrics`). */
  metric: string;
  /** The log line's message. */
  message: string;
}

const SESSION_STORE: RedisErrorSource = {
  event: "store.connection_error",
  metric: "store_connection_errors",
  message: "the session store lost its connection; reconnecting",
};

/** The web server's rate limits keep their own Redis client. */
export const RATE_LIMIT_STORE: RedisErrorSource = {
  event: "rate_limits.connection_error",
  metric: "rate_limit_connection_errors",
  message: "the rate limits lost their Redis connection; reconnecting (in-memory limits meanwhile)",
};

/**
 * The store's `onError` (Redis connection problems while running; the client
 * reconnects by itself): every error is counted, and logged as
 * `store.connection_error` (or the `source`'s event) at most once per
 * interval, with how many were left out since the last line.
 */
export function storeErrorReporter(options: StoreErrorReporterOptions): (error: Error) => void {
  const { logger, onEvent, storeUrl, source = SESSION_STORE } = options;
  const intervalMs = options.intervalMs ?? STORE_ERROR_LOG_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;
  return (error) => {
    onEvent(source.metric, { backend: "redis" });
    if (now() - lastLoggedAt < intervalMs) {
      suppressed++;
      return;
    }
    lastLoggedAt = now();
    const code = (error as { code?: unknown }).code;
    logger.warn(
      {
        event: source.event,
        backend: "redis",
        ...(typeof code === "string" ? { code } : {}),
        message: scrubbedMessage(error, storeUrl),
        suppressed,
      },
      source.message,
    );
    suppressed = 0;
  };
}

/** `buildApp`'s `onRateLimitStoreError`: like the store's reporter, under the rate limits' names. */
export function rateLimitStoreErrorReporter(runtime: {
  logger: Logger;
  onEvent: MetricsHook;
  config: { MAYA_STORE: string };
}): (error: Error) => void {
  return storeErrorReporter({
    logger: runtime.logger,
    onEvent: runtime.onEvent,
    storeUrl: runtime.config.MAYA_STORE,
    source: RATE_LIMIT_STORE,
  });
}
