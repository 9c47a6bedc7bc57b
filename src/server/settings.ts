import type { Env } from "../config/index.ts";

/** Everything the HTTP layer can be tuned with; built from the environment by `maya serve`. */
export interface ServerSettings {
  /** The page's public origin (e.g. behind a proxy). Default: the request's own Host. */
  publicUrl?: string;
  /** Trust X-Forwarded-* headers (only behind a proxy you control). */
  trustProxy: boolean;
  /** Requests per minute from one client address. */
  addressPerMinute: number;
  /** Requests per minute from one session. */
  sessionPerMinute: number;
  /** New sessions per minute from one client address. */
  newSessionsPerMinute: number;
  /** Whole-request deadline (the agent has its own, shorter one per turn). */
  requestTimeoutMs: number;
  maxMessageChars: number;
  bodyLimitBytes: number;
  /** Body limit of `/mcp` alone: room for the longest scan call (text + prompt as JSON). */
  mcpBodyLimitBytes: number;
  /** Shed new work (503) while the event loop lags more than this. */
  maxEventLoopDelayMs: number;
  /** How often the event-loop lag is sampled. */
  eventLoopSampleMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  trustProxy: false,
  addressPerMinute: 60,
  sessionPerMinute: 30,
  newSessionsPerMinute: 20,
  requestTimeoutMs: 30_000,
  maxMessageChars: 2000,
  bodyLimitBytes: 16 * 1024,
  mcpBodyLimitBytes: 256 * 1024,
  maxEventLoopDelayMs: 1000,
  eventLoopSampleMs: 500,
};

export function settingsFromEnv(env: Env): ServerSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(env.MAYA_PUBLIC_URL === undefined ? {} : { publicUrl: env.MAYA_PUBLIC_URL }),
    trustProxy: env.MAYA_TRUST_PROXY,
    addressPerMinute: env.MAYA_RATE_LIMIT_PER_MINUTE,
    sessionPerMinute: env.MAYA_SESSION_RATE_LIMIT_PER_MINUTE,
    newSessionsPerMinute: env.MAYA_NEW_SESSIONS_PER_MINUTE,
    requestTimeoutMs: env.MAYA_REQUEST_TIMEOUT_MS,
    maxMessageChars: env.MAYA_MAX_MESSAGE_CHARS,
    maxEventLoopDelayMs: env.MAYA_MAX_EVENT_LOOP_DELAY_MS,
  };
}

/** Why a message over `limit` characters is refused (web API and terminal alike), or undefined. */
export function messageTooLong(message: string, limit: number): string | undefined {
  if (message.length <= limit) return undefined;
  return `Your message is ${message.length} characters long; Maya reads at most ${limit}. Please shorten it.`;
}
